using Ent.Plugins.Attendance.Statuses;

namespace Ent.Plugins.Attendance.Absences;

/// <summary>
/// How half-days are counted. Every absence falls in the morning or the afternoon of its day, from the school's half-day boundary
/// (the calendar's morning end): several sessions missed in one half-day are one half-day ("demi-journée brute"). A half-day is
/// unjustified when any absence in it is not justified; justified when all are. Lateness is counted apart, never as a half-day.
/// A month's half-days are 62 bits of a <see cref="ulong"/>: counting them is a population count.
/// </summary>
internal static class HalfDays
{
    /// <summary>A day's month as <c>yyyyMM</c>.</summary>
    public static int MonthOf(DateOnly day) => (day.Year * 100) + day.Month;

    /// <summary>The first day of a <c>yyyyMM</c> month.</summary>
    public static DateOnly FirstDayOf(int month) => new(month / 100, month % 100, 1);

    /// <summary>The bit of a half-day in its month's mask.</summary>
    public static ulong Bit(DateOnly day, bool afternoon) => 1UL << (((day.Day - 1) * 2) + (afternoon ? 1 : 0));

    /// <summary>Sums a pupil's absences of one month.</summary>
    /// <param name="pupil">The pupil.</param>
    /// <param name="month">The month, <c>yyyyMM</c>.</param>
    /// <param name="school">The pupil's school that month.</param>
    /// <param name="absences">The month's absences, lateness and early leavings.</param>
    /// <param name="counted">Whether an absence's reason counts (a school trip does not); null reasons count.</param>
    public static PupilMonthDocument Summarise(Ent.Core.Identifiers.PersonId pupil, int month, Ent.Core.Identifiers.SchoolId school, IEnumerable<AbsenceDocument> absences, Func<string?, bool> counted)
    {
        ulong unjustified = 0, awaiting = 0, any = 0;
        int late = 0, sessions = 0, minutes = 0;
        foreach (var absence in absences)
        {
            if (!counted(absence.Reason))
            {
                continue;
            }

            if (absence.Kind == AttendanceEffect.Late)
            {
                late++;
                continue;
            }

            var bit = Bit(absence.Date, absence.Afternoon);
            any |= bit;
            sessions++;
            minutes += absence.Minutes;
            if (absence.State != Justification.Justified)
            {
                unjustified |= bit;
            }

            if (absence.State == Justification.Awaiting)
            {
                awaiting |= bit;
            }
        }

        return new PupilMonthDocument(pupil, month, school, unjustified, awaiting & unjustified, any & ~unjustified, late, sessions, minutes);
    }
}
