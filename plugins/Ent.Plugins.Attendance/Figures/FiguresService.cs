using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Absences;
using Ent.Sdk.Enablement;
using Ent.Sdk.Operations;

namespace Ent.Plugins.Attendance.Figures;

/// <summary>The figures on the plugin's documents: a school's classes from their absences, the indicator from each school month's count.</summary>
internal sealed class FiguresService(IOperations operations, IOrganisationDirectory directory, ISchoolCalendar calendar, AbsenceSummary summary) : IAttendanceFigures
{
    /// <inheritdoc />
    public async Task<SchoolFigures> SchoolAsync(Actor actor, SchoolId school, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dates = calendar.Period(actor.Department, period);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), AttendanceCapabilities.FollowUp, cancellationToken).ConfigureAwait(false);
        var classes = new List<ClassFigures>();
        var year = calendar.YearOf(school, dates.First)?.Id;
        foreach (var @class in directory.ClassesOf(school).Where(c => c.Year == year).OrderBy(c => c.Name, StringComparer.CurrentCulture))
        {
            var pupils = directory.PupilsDuring(@class.Id, dates);
            var absences = (await work.Documents<AbsenceDocument>().Where(a => a.Class == @class.Id && a.Period == period).ListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(a => a.Pupil);
            var each = pupils.Select(p => summary.Count(absences[p])).ToList();
            classes.Add(new ClassFigures(@class.Name, pupils.Count, Sum(each), each.Count(h => h.Unjustified > 0)));
        }

        return new SchoolFigures(school, dates.Name, classes,
            new ClassFigures("", classes.Sum(c => c.Pupils), Sum(classes.Select(c => c.HalfDays)), classes.Sum(c => c.PupilsWithUnjustified)));
    }

    /// <inheritdoc />
    public async Task<AbsenteeismIndicator> IndicatorAsync(Actor actor, DateOnly day, SchoolId? school = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var schools = school is { } one ? [directory.SchoolOf(one)] : directory.SchoolsOf(actor.Department).OrderBy(s => s.Uai.Value, StringComparer.Ordinal).ToList();
        var counted = new List<(School School, IUnitOfWork Work)>();
        try
        {
            foreach (var each in schools)
            {
                try
                {
                    counted.Add((each, await operations.BeginAsync(actor, OperationTarget.OfSchool(each.Id), AttendanceCapabilities.ViewIndicator, cancellationToken).ConfigureAwait(false)));
                }
                catch (PluginDisabledException) when (school is null)
                {
                    // attendance is off in that school: it has no figures
                }
            }

            if (counted.Count == 0)
            {
                return new AbsenteeismIndicator([], [], school is null ? [] : null);
            }

            var year = calendar.YearOf(counted[0].School.Id, day) ?? throw new ArgumentException($"{day:yyyy-MM-dd} is in no school year.", nameof(day));
            var first = new DateOnly(year.Dates.Begin.Month >= 8 ? year.Dates.Begin.Year : year.Dates.Begin.Year - 1, 9, 1);
            var months = Enumerable.Range(0, 9).Select(i => first.AddMonths(i)).ToList();
            var stored = (await counted[0].Work.Documents<SchoolMonthDocument>().All().ListAsync(cancellationToken).ConfigureAwait(false))
                .ToDictionary(c => (c.School, c.Month), c => c.PupilsAtThreshold);
            var rows = counted.Select(c => new SchoolIndicator(c.School.Id, c.School.Name, c.School.Uai.Value,
                [.. months.Select(m => new IndicatorMonth(m, PupilsIn(c.School.Id, year.Id, m), stored.GetValueOrDefault((c.School.Id, HalfDays.MonthOf(m)))))])).ToList();
            var department = school is null
                ? months.Select((m, i) => new IndicatorMonth(m, rows.Sum(r => r.Months[i].Pupils), rows.Sum(r => r.Months[i].AtThreshold))).ToList()
                : null;
            return new AbsenteeismIndicator(months, rows, department);
        }
        finally
        {
            foreach (var (_, work) in counted)
            {
                await work.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The pupils enrolled in a school's classes of the year at some time of a month.</summary>
    private int PupilsIn(SchoolId school, AcademicYearId year, DateOnly month)
    {
        var last = month.AddMonths(1).AddDays(-1);
        return directory.ClassesOf(school).Where(c => c.Year == year)
            .SelectMany(c => directory.EnrolmentsIn(c.Id))
            .Where(e => e.Validity.Begin <= last && (e.Validity.End is null || e.Validity.End >= month))
            .Select(e => e.Learner)
            .Distinct()
            .Count();
    }

    private static AbsenceHalfDays Sum(IEnumerable<AbsenceHalfDays> each)
    {
        int justified = 0, unjustified = 0, late = 0;
        foreach (var h in each)
        {
            (justified, unjustified, late) = (justified + h.Justified, unjustified + h.Unjustified, late + h.Late);
        }

        return new AbsenceHalfDays(justified, unjustified) { Late = late };
    }
}
