using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Calendar;

/// <summary>An academic year (année scolaire) and its grading periods.</summary>
public sealed record AcademicYear
{
    private AcademicYear(AcademicYearId id, string label, DateRange dates, ImmutableArray<Period> periods)
    {
        Id = id;
        Label = label;
        Dates = dates;
        Periods = periods;
    }

    /// <summary>The year's identifier.</summary>
    public AcademicYearId Id { get; }

    /// <summary>Its label, e.g. <c>2026-2027</c>.</summary>
    public string Label { get; }

    /// <summary>Its first and last day.</summary>
    public DateRange Dates { get; }

    /// <summary>Its periods, in order, without overlap.</summary>
    public ImmutableArray<Period> Periods { get; }

    /// <summary>Creates a year with the given periods.</summary>
    /// <param name="label">The label, e.g. <c>2026-2027</c>.</param>
    /// <param name="first">The first day of the year.</param>
    /// <param name="last">The last day of the year.</param>
    /// <param name="periods">The periods; they must lie within the year and not overlap.</param>
    /// <exception cref="ArgumentException">A period lies outside the year or overlaps another; the message names it.</exception>
    public static AcademicYear Create(string label, DateOnly first, DateOnly last, IEnumerable<Period> periods) => Create(AcademicYearId.New(), label, first, last, periods);

    /// <summary>Creates (or restores, as stored) a year with a given identifier.</summary>
    /// <param name="id">The year's identifier.</param>
    /// <param name="label">The label, e.g. <c>2026-2027</c>.</param>
    /// <param name="first">The first day of the year.</param>
    /// <param name="last">The last day of the year.</param>
    /// <param name="periods">The periods; they must lie within the year and not overlap.</param>
    /// <exception cref="ArgumentException">A period lies outside the year or overlaps another; the message names it.</exception>
    public static AcademicYear Create(AcademicYearId id, string label, DateOnly first, DateOnly last, IEnumerable<Period> periods)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(periods);
        if (last < first)
        {
            throw new ArgumentException($"The academic year {label} ends ({last:yyyy-MM-dd}) before it begins ({first:yyyy-MM-dd}).", nameof(last));
        }

        var dates = new DateRange(first, last);
        var ordered = periods.OrderBy(p => p.First).ToImmutableArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            var period = ordered[i];
            if (period.First < first || period.Last > last)
            {
                throw new ArgumentException($"Period '{period.Name}' ({period.First:yyyy-MM-dd}..{period.Last:yyyy-MM-dd}) lies outside the academic year {label} ({dates}).", nameof(periods));
            }

            if (i > 0 && ordered[i - 1].Last >= period.First)
            {
                throw new ArgumentException($"Period '{period.Name}' overlaps period '{ordered[i - 1].Name}'.", nameof(periods));
            }
        }

        return new AcademicYear(id, label, dates, ordered);
    }

    /// <summary>Creates a year split into three trimesters at the given boundaries.</summary>
    /// <param name="label">The label, e.g. <c>2026-2027</c>.</param>
    /// <param name="first">The first day of the year and of the first trimester.</param>
    /// <param name="secondBegins">The first day of the second trimester.</param>
    /// <param name="thirdBegins">The first day of the third trimester.</param>
    /// <param name="last">The last day of the year and of the third trimester.</param>
    public static AcademicYear WithTrimesters(string label, DateOnly first, DateOnly secondBegins, DateOnly thirdBegins, DateOnly last) =>
        Create(label, first, last,
        [
            Period.Create("Trimestre 1", PeriodKind.Trimester, first, secondBegins.AddDays(-1)),
            Period.Create("Trimestre 2", PeriodKind.Trimester, secondBegins, thirdBegins.AddDays(-1)),
            Period.Create("Trimestre 3", PeriodKind.Trimester, thirdBegins, last),
        ]);

    /// <summary>Creates a year split into two semesters.</summary>
    /// <param name="label">The label, e.g. <c>2026-2027</c>.</param>
    /// <param name="first">The first day of the year and of the first semester.</param>
    /// <param name="secondBegins">The first day of the second semester.</param>
    /// <param name="last">The last day of the year and of the second semester.</param>
    public static AcademicYear WithSemesters(string label, DateOnly first, DateOnly secondBegins, DateOnly last) =>
        Create(label, first, last,
        [
            Period.Create("Semestre 1", PeriodKind.Semester, first, secondBegins.AddDays(-1)),
            Period.Create("Semestre 2", PeriodKind.Semester, secondBegins, last),
        ]);

    /// <summary>Returns the period that contains a day, or null between periods or outside the year.</summary>
    /// <param name="day">The day.</param>
    public Period? PeriodOf(DateOnly day)
    {
        foreach (var period in Periods)
        {
            if (period.Contains(day))
            {
                return period;
            }
        }

        return null;
    }
}
