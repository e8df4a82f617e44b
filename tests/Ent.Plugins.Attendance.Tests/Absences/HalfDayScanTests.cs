using Ent.Core.Identifiers;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Statuses;

namespace Ent.Plugins.Attendance.Tests.Absences;

/// <summary>The school year's scan counts half-days as a pupil's month is summed: one per half-day, unjustified absences only, month by month.</summary>
public sealed class HalfDayScanTests
{
    private static readonly DateOnly September = new(2026, 9, 1);

    [Fact]
    public void Several_absences_in_one_half_day_are_one_and_months_are_apart()
    {
        var day = new DateOnly(2026, 11, 5).DayNumber;
        var scan = new HalfDayScan(September, 10, 2, [
            new AbsenceMark(0, day, false, true), new AbsenceMark(0, day, false, true), new AbsenceMark(0, day, true, true),
            new AbsenceMark(0, day + 1, false, false), // justified: not counted
            new AbsenceMark(1, new DateOnly(2026, 12, 1).DayNumber, false, true),
            new AbsenceMark(1, new DateOnly(2027, 7, 1).DayNumber, false, true), // after June: outside the year's months
        ]);

        Assert.Equal(2, scan.UnjustifiedHalfDays(0, 2)); // November
        Assert.Equal(1, scan.UnjustifiedHalfDays(1, 3)); // December
        Assert.Equal([0], scan.AtThreshold(2, 2));
        Assert.Equal([0, 0, 1, 1, 0, 0, 0, 0, 0, 0], scan.CountBySchool([0, 0], 1, 1)); // one school: a pupil in November, one in December
    }

    [Fact]
    public void It_agrees_with_each_pupils_month_summed_on_its_own()
    {
        var random = new Random(8);
        var pupil = PersonId.New();
        var school = SchoolId.New();
        var documents = new List<AbsenceDocument>();
        for (var i = 0; i < 300; i++)
        {
            var date = September.AddDays(random.Next(60, 90)); // November
            documents.Add(new AbsenceDocument(pupil, HalfDays.MonthOf(date), Guid.NewGuid(), school, null, null, date, new(8, 0), new(9, 0), random.Next(2) == 0, AttendanceEffect.Absent, 60,
                null, null, null, random.Next(3) == 0 ? Justification.Justified : Justification.Unjustified, pupil, DateTimeOffset.UnixEpoch, null, null));
        }

        var november = documents.Where(d => d.Month == 202611).ToList();
        var summed = HalfDays.Summarise(pupil, 202611, school, november, _ => true);
        var scan = new HalfDayScan(September, 10, 1, [.. november.Select(d => new AbsenceMark(0, d.Date.DayNumber, d.Afternoon, d.State != Justification.Justified))]);

        Assert.Equal(summed.UnjustifiedHalfDays, scan.UnjustifiedHalfDays(0, 2));
    }
}
