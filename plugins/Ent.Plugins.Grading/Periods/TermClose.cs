using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Operations;

namespace Ent.Plugins.Grading.Periods;

/// <summary>A school's period closed in one computation: every pupil's subject and overall averages, exact, and the rule each class was computed with.</summary>
public sealed class TermClosing
{
    private readonly IReadOnlyList<ClassPeriod> _classes;
    private readonly IReadOnlyList<ClassAverages> _figures;
    private readonly Dictionary<PersonId, (int Class, int Pupil)> _pupils;

    internal TermClosing(IReadOnlyList<ClassPeriod> classes, IReadOnlyList<ClassAverages> figures)
    {
        (_classes, _figures, _pupils) = (classes, figures, []);
        var subjects = new SortedSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Count; c++)
        {
            subjects.UnionWith(classes[c].Subjects.Select(s => s.Code));
            var perPupil = 1 + classes[c].Subjects.DistinctBy(s => s.Code).Count(); // a pupil's overall average and one per subject
            for (var p = 0; p < classes[c].Pupils.Count; p++)
            {
                Figures += _pupils.TryAdd(classes[c].Pupils[p], (c, p)) ? perPupil : 0;
            }
        }

        (Pupils, Subjects) = ([.. _pupils.Keys], [.. subjects]);
    }

    /// <summary>The classes that had assessments in the period.</summary>
    public IReadOnlyList<ClassId> Classes => [.. _classes.Select(c => c.Class)];

    /// <summary>Their pupils (a pupil who changed class during the period counts in the first class listed).</summary>
    public IReadOnlyList<PersonId> Pupils { get; }

    /// <summary>The subject codes.</summary>
    public IReadOnlyList<string> Subjects { get; }

    /// <summary>How many averages were computed (subject and overall).</summary>
    public int Figures { get; }

    /// <summary>A pupil's average in a subject, or null (no mark, or not in the school's period).</summary>
    /// <param name="pupil">The pupil.</param>
    /// <param name="subjectCode">The subject's code.</param>
    public decimal? AverageOf(PersonId pupil, string subjectCode)
    {
        if (!_pupils.TryGetValue(pupil, out var at))
        {
            return null;
        }

        var subjects = _classes[at.Class].Subjects;
        for (var s = 0; s < subjects.Count; s++)
        {
            if (subjects[s].Code == subjectCode)
            {
                return _figures[at.Class].Of(at.Pupil, s).Average; // two courses of a subject: the first by name
            }
        }

        return null;
    }

    /// <summary>A pupil's overall average, or null.</summary>
    /// <param name="pupil">The pupil.</param>
    public decimal? OverallOf(PersonId pupil) => _pupils.TryGetValue(pupil, out var at) ? _figures[at.Class].Overall(at.Pupil) : null;

    /// <summary>The rule and version a class was computed with: the one recorded when its period was closed, or the department's current one.</summary>
    /// <param name="class">The class.</param>
    /// <exception cref="KeyNotFoundException">The class had no assessment in the period.</exception>
    public CalculationVersion VersionOf(ClassId @class) =>
        _figures.Where((_, c) => _classes[c].Class == @class).Select(f => f.Version).FirstOrDefault()
        ?? throw new KeyNotFoundException($"Class {@class.Value} had no assessment in the period.");
}

/// <summary>Closes a school's period from the stored marks: every class's assessments of the period, computed as its report cards are.</summary>
public interface ITermClose
{
    /// <summary>Computes every average of a school's period from its stored marks (the head of school's call), each class with the rule its cards use.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read the school's marks.</exception>
    Task<TermClosing> ComputeAsync(Actor actor, SchoolId school, PeriodId period, CancellationToken cancellationToken = default);
}

/// <summary>The term close over the gradebook's documents, through the same reading and computation as the report cards (<see cref="ClassPeriods"/>).</summary>
internal sealed class TermClose(IOperations operations, ISchoolCalendar calendar, ClassPeriods periods) : ITermClose
{
    /// <inheritdoc />
    public async Task<TermClosing> ComputeAsync(Actor actor, SchoolId school, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dates = calendar.Period(actor.Department, period);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);

        var read = await periods.ReadSchoolAsync(work, school, dates, cancellationToken).ConfigureAwait(false);
        return new TermClosing(read, ClassPeriods.Compute(read));
    }
}
