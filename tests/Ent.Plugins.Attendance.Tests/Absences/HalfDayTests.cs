using Ent.Core.Attendance;
using Ent.Core.Identifiers;
using Ent.Core.Timetable;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.RollCalls;
using Ent.TestSupport;

namespace Ent.Plugins.Attendance.Tests.Absences;

/// <summary>
/// Half-days are counted from the school's half-day boundary: several sessions missed in one half-day are one; lateness is
/// counted apart; what the school excuses is no absence. The report card reads them through Ent.Core's absence summary.
/// Four half-days without a legitimate reason in a month raise the alert of article L131-8.
/// </summary>
public sealed class HalfDayTests : IAsyncLifetime
{
    private AttendanceHost _host = null!;

    public async Task InitializeAsync() => _host = await AttendanceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TestWorld World => _host.World;

    private PeriodId FirstTerm => World.Year.Periods[0].Id;

    private async Task CallAsync(TimetableSlot slot, DateOnly? day = null, params PupilAttendance[] marks)
    {
        var session = _host.SessionOf(slot, day);
        var teacher = slot == _host.HistoryAt11 ? _host.HistoryTeacher : World.Teacher;
        await _host.Get<IRollCalls>().SaveAsync(TestWorld.As(teacher), new RollCallSubmission(World.School.Id, session.Date, session.Id, marks));
    }

    private async Task<AbsenceHalfDays> LinasTermAsync() =>
        (await _host.Get<IAbsenceSummary>().HalfDaysAsync(TestWorld.As(World.Teacher), World.Class5B.Id, FirstTerm))[World.Learner.Id];

    private PupilAttendance Absent => new(World.Learner.Id, "absent");

    [Fact]
    public async Task Two_sessions_missed_in_one_morning_are_one_half_day_and_the_afternoon_another()
    {
        await CallAsync(_host.MathsAt8, marks: Absent);
        await CallAsync(_host.MathsAt9, marks: Absent);
        await CallAsync(_host.FrenchAt14, marks: Absent);

        Assert.Equal(new AbsenceHalfDays(justified: 0, unjustified: 2), await LinasTermAsync());
    }

    [Fact]
    public async Task The_schools_half_day_boundary_decides_which_half_a_session_is_in()
    {
        World.Calendar.RestoreMorningEnd(World.Department.Id, World.School.Id, new TimeOnly(11, 0));
        await CallAsync(_host.MathsAt8, marks: Absent);
        await CallAsync(_host.HistoryAt11, marks: Absent);

        Assert.Equal(2, (await LinasTermAsync()).Unjustified); // the morning ends at 11:00 here: history is in the afternoon
    }

    [Fact]
    public async Task Lateness_is_counted_apart_and_what_the_school_excuses_is_no_absence()
    {
        await CallAsync(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "late", LateMinutes: 10));
        await CallAsync(_host.MathsAt9, marks: new PupilAttendance(World.Learner.Id, "exempt"));
        await CallAsync(_host.FrenchAt14, marks: new PupilAttendance(World.Learner.Id, "off-site"));

        Assert.Equal(new AbsenceHalfDays(0, 0) { Late = 1 }, await LinasTermAsync());
    }

    [Fact]
    public async Task A_pupil_who_left_early_missed_the_rest_of_the_session()
    {
        await CallAsync(_host.FrenchAt14, marks: new PupilAttendance(World.Learner.Id, "left-early", LeftAt: new(14, 30)));

        Assert.Equal(1, (await LinasTermAsync()).Unjustified);
    }

    [Fact]
    public async Task Every_pupil_of_the_class_has_figures_and_a_parent_reads_only_their_childs()
    {
        await CallAsync(_host.MathsAt8, marks: [Absent, new PupilAttendance(World.Classmate.Id, "absent")]);

        var forTeacher = await _host.Get<IAbsenceSummary>().HalfDaysAsync(TestWorld.As(World.Teacher), World.Class5B.Id, FirstTerm);
        var forParent = await _host.Get<IAbsenceSummary>().HalfDaysAsync(TestWorld.As(World.Parent), World.Class5B.Id, FirstTerm);
        var forClassmate = await _host.Get<IAbsenceSummary>().HalfDaysAsync(TestWorld.As(World.Classmate), World.Class5B.Id, FirstTerm);
        var forOtherHead = await _host.Get<IAbsenceSummary>().HalfDaysAsync(TestWorld.As(World.HeadOfOtherSchool), World.Class5B.Id, FirstTerm);

        Assert.Equal([World.Learner.Id, World.Classmate.Id], forTeacher.Keys.OrderBy(p => p == World.Classmate.Id));
        Assert.Equal([World.Learner.Id], forParent.Keys);
        Assert.Equal([World.Classmate.Id], forClassmate.Keys);
        Assert.Empty(forOtherHead);
    }

    [Fact]
    public async Task A_correction_to_present_takes_the_absence_away()
    {
        await CallAsync(_host.MathsAt8, marks: Absent);
        var session = _host.SessionOf(_host.MathsAt8);
        await _host.Get<IRollCalls>().SaveAsync(TestWorld.As(World.Teacher), new RollCallSubmission(World.School.Id, session.Date, session.Id, [], BasedOnRevision: 1));

        Assert.Equal(new AbsenceHalfDays(0, 0), await LinasTermAsync());
    }

    [Fact]
    public async Task Four_unjustified_half_days_in_a_month_raise_one_alert_of_article_L131_8()
    {
        foreach (var day in new DateOnly[] { new(2026, 11, 5), new(2026, 11, 12), new(2026, 11, 19) })
        {
            await CallAsync(_host.MathsAt8, day, Absent);
        }

        Assert.Empty(_host.Events<AttendanceThresholdReached>());
        await CallAsync(_host.MathsAt8, AttendanceHost.Thursday, Absent);
        await CallAsync(_host.FrenchAt14, AttendanceHost.Thursday, Absent); // a fifth: the alert is raised once

        var alert = Assert.Single(_host.Events<AttendanceThresholdReached>());
        Assert.Equal((World.Learner.Id, 202611, AlertKind.Absences, 4, 4), (alert.Pupil, alert.Month, alert.Kind, alert.Count, alert.Threshold));
    }

    [Fact]
    public async Task Half_days_of_two_months_are_not_added_together_for_the_alert()
    {
        await CallAsync(_host.MathsAt8, new DateOnly(2026, 10, 8), Absent);
        await CallAsync(_host.MathsAt8, new DateOnly(2026, 10, 15), Absent);
        await CallAsync(_host.MathsAt8, new DateOnly(2026, 11, 5), Absent);
        await CallAsync(_host.MathsAt8, new DateOnly(2026, 11, 12), Absent);

        Assert.Empty(_host.Events<AttendanceThresholdReached>());
    }

    [Fact]
    public async Task The_department_sets_the_lateness_threshold()
    {
        await using var host = await AttendanceHost.StartAsync(options: o => o.LatenessThreshold = 2);
        var world = host.World;
        foreach (var slot in new[] { host.MathsAt8, host.MathsAt9 })
        {
            var session = host.SessionOf(slot);
            await host.Get<IRollCalls>().SaveAsync(TestWorld.As(world.Teacher), new RollCallSubmission(world.School.Id, session.Date, session.Id, [new PupilAttendance(world.Learner.Id, "late", 5)]));
        }

        Assert.Equal(AlertKind.Lateness, Assert.Single(host.Events<AttendanceThresholdReached>()).Kind);
    }
}
