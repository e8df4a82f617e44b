using System.Numerics;

namespace Ent.Plugins.Attendance.Absences;

/// <summary>An absence reduced to what the half-day count reads: whose, which school's, which day and half, and whether it counts as unjustified.</summary>
/// <param name="Pupil">The pupil's index (0 to the number of pupils − 1).</param>
/// <param name="Day">The day's number (<see cref="DateOnly.DayNumber"/>).</param>
/// <param name="Afternoon">Whether it is in the afternoon half.</param>
/// <param name="Unjustified">Whether it counts towards the threshold: an absence (not a lateness) counted on report cards and not justified.</param>
internal readonly record struct AbsenceMark(int Pupil, int Day, bool Afternoon, bool Unjustified);

/// <summary>
/// The half-day count of a whole school year at once, with the rule of <see cref="HalfDays"/>: each pupil's month is a 62-bit mask
/// of its half-days missed without a legitimate reason, so that the months of 75,000 pupils are 675,000 words and the scan of
/// millions of absences one pass with a table lookup per absence. From the masks: the pupils at a threshold in a month (the
/// L131-8 scan), and per school and month the pupils at the national threshold (the DEPP's indicator).
/// </summary>
internal sealed class HalfDayScan
{
    private readonly int _firstDay;
    private readonly short[] _monthOfDay;
    private readonly byte[] _bitOfDay;
    private readonly ulong[] _masks;

    /// <summary>Counts a year's absences.</summary>
    /// <param name="firstMonth">The first day of the year's first month (September).</param>
    /// <param name="months">How many months (10 for September to June).</param>
    /// <param name="pupils">How many pupils the indexes go up to.</param>
    /// <param name="absences">The year's absences, in any order; those outside the months are left out.</param>
    public HalfDayScan(DateOnly firstMonth, int months, int pupils, ReadOnlySpan<AbsenceMark> absences)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(pupils);
        (FirstMonth, Months, Pupils) = (firstMonth, months, pupils);
        _firstDay = firstMonth.DayNumber;
        var days = firstMonth.AddMonths(months).DayNumber - _firstDay;
        _monthOfDay = new short[days];
        _bitOfDay = new byte[days];
        for (var d = 0; d < days; d++)
        {
            var day = DateOnly.FromDayNumber(_firstDay + d);
            _monthOfDay[d] = (short)(((day.Year - firstMonth.Year) * 12) + day.Month - firstMonth.Month);
            _bitOfDay[d] = (byte)((day.Day - 1) * 2);
        }

        _masks = new ulong[pupils * months];
        foreach (var absence in absences)
        {
            var d = absence.Day - _firstDay;
            if (!absence.Unjustified || (uint)d >= (uint)days || (uint)absence.Pupil >= (uint)pupils)
            {
                continue;
            }

            _masks[(absence.Pupil * months) + _monthOfDay[d]] |= 1UL << (_bitOfDay[d] + (absence.Afternoon ? 1 : 0));
        }
    }

    /// <summary>The first day of the first month.</summary>
    public DateOnly FirstMonth { get; }

    /// <summary>How many months.</summary>
    public int Months { get; }

    /// <summary>How many pupils.</summary>
    public int Pupils { get; }

    /// <summary>A pupil's half-days missed without a legitimate reason in a month.</summary>
    /// <param name="pupil">The pupil's index.</param>
    /// <param name="month">The month's index (0 for the first).</param>
    public int UnjustifiedHalfDays(int pupil, int month) => BitOperations.PopCount(_masks[(pupil * Months) + month]);

    /// <summary>The L131-8 scan of a month: every pupil at or above the threshold, by index.</summary>
    /// <param name="month">The month's index.</param>
    /// <param name="threshold">The threshold (the national 4, or a school's own).</param>
    public List<int> AtThreshold(int month, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)month, (uint)Months, nameof(month));
        var found = new List<int>();
        for (var p = 0; p < Pupils; p++)
        {
            if (BitOperations.PopCount(_masks[(p * Months) + month]) >= threshold)
            {
                found.Add(p);
            }
        }

        return found;
    }

    /// <summary>The DEPP's count: per school and month, the pupils at or above the threshold.</summary>
    /// <param name="schoolOfPupil">Each pupil's school index.</param>
    /// <param name="schools">How many schools.</param>
    /// <param name="threshold">The threshold (4).</param>
    /// <returns>The counts, school by school, <see cref="Months"/> per school.</returns>
    public int[] CountBySchool(ReadOnlySpan<int> schoolOfPupil, int schools, int threshold)
    {
        var counts = new int[schools * Months];
        for (var p = 0; p < Pupils; p++)
        {
            var row = schoolOfPupil[p] * Months;
            var masks = _masks.AsSpan(p * Months, Months);
            for (var m = 0; m < masks.Length; m++)
            {
                if (BitOperations.PopCount(masks[m]) >= threshold)
                {
                    counts[row + m]++;
                }
            }
        }

        return counts;
    }
}
