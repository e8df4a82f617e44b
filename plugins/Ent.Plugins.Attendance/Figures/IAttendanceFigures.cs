using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Identifiers;

namespace Ent.Plugins.Attendance.Figures;

/// <summary>
/// Attendance figures: a school's classes over a period (half-days justified and unjustified, lateness), and the DEPP's
/// absenteeism indicator, the share of pupils who missed at least 4 half-days in a month without a legitimate reason, month by
/// month from September to May, per school and for the department.
/// </summary>
public interface IAttendanceFigures
{
    /// <summary>A school's figures over a period, class by class.</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="school">The school.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    Task<SchoolFigures> SchoolAsync(Actor actor, SchoolId school, PeriodId period, CancellationToken cancellationToken = default);

    /// <summary>The absenteeism indicator of the school year a day is in: for one school (its head), or every school where attendance is on (the department's administrator).</summary>
    /// <param name="actor">A head of school, or the department's administrator.</param>
    /// <param name="day">A day of the school year.</param>
    /// <param name="school">One school, or null for the department.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="AccessDeniedException">The actor may not see the indicator there.</exception>
    /// <exception cref="ArgumentException">The day is in no school year; the message names it.</exception>
    Task<AbsenteeismIndicator> IndicatorAsync(Actor actor, DateOnly day, SchoolId? school = null, CancellationToken cancellationToken = default);
}

/// <summary>A school's figures over a period.</summary>
/// <param name="School">The school.</param>
/// <param name="Period">The period's name.</param>
/// <param name="Classes">Each class's totals, by name.</param>
/// <param name="Total">The school's totals.</param>
public sealed record SchoolFigures(SchoolId School, string Period, IReadOnlyList<ClassFigures> Classes, ClassFigures Total);

/// <summary>A class's totals over a period.</summary>
/// <param name="Class">The class's name.</param>
/// <param name="Pupils">Its pupils during the period.</param>
/// <param name="HalfDays">Their half-days and lateness, summed.</param>
/// <param name="PupilsWithUnjustified">Pupils with at least one unjustified half-day.</param>
public sealed record ClassFigures(string Class, int Pupils, AbsenceHalfDays HalfDays, int PupilsWithUnjustified);

/// <summary>The absenteeism indicator of a school year.</summary>
/// <param name="Months">Its months, September to May (first days).</param>
/// <param name="Schools">Each school's months.</param>
/// <param name="Department">The department's months (every school listed), or null for one school.</param>
public sealed record AbsenteeismIndicator(IReadOnlyList<DateOnly> Months, IReadOnlyList<SchoolIndicator> Schools, IReadOnlyList<IndicatorMonth>? Department)
{
    /// <summary>The national threshold the indicator counts from.</summary>
    public const int Threshold = 4;
}

/// <summary>A school's indicator.</summary>
/// <param name="School">The school.</param>
/// <param name="Name">Its name.</param>
/// <param name="Uai">Its UAI.</param>
/// <param name="Months">Its months, as <see cref="AbsenteeismIndicator.Months"/>.</param>
public sealed record SchoolIndicator(SchoolId School, string Name, string Uai, IReadOnlyList<IndicatorMonth> Months)
{
    /// <summary>The mean of its monthly shares from September to April, as the DEPP gives it; null without pupils.</summary>
    public double? MeanShare => IndicatorMonth.Mean(Months);
}

/// <summary>A month of the indicator.</summary>
/// <param name="Month">Its first day.</param>
/// <param name="Pupils">The pupils enrolled in it.</param>
/// <param name="AtThreshold">Those who missed at least 4 half-days without a legitimate reason.</param>
public sealed record IndicatorMonth(DateOnly Month, int Pupils, int AtThreshold)
{
    /// <summary>The share, from 0 to 1; null without pupils.</summary>
    public double? Share => Pupils == 0 ? null : (double)AtThreshold / Pupils;

    /// <summary>The mean of the monthly shares from September to April (the DEPP's yearly figure).</summary>
    /// <param name="months">The months.</param>
    public static double? Mean(IEnumerable<IndicatorMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var shares = months.Where(m => m.Month.Month is >= 9 or <= 4).Select(m => m.Share).OfType<double>().ToList();
        return shares.Count == 0 ? null : shares.Average();
    }
}
