using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Notifications;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.FollowUp;
using Ent.Plugins.Attendance.RollCalls;
using Ent.TestSupport;

namespace Ent.Plugins.Attendance.Tests.FollowUp;

/// <summary>
/// The CPE's day (absences, roll calls not taken, declarations to review, alerts), a pupil's record, absences justified by the
/// school, the school's thresholds, the letter of an alert and its sending, and families told of an unjustified absence.
/// </summary>
public sealed class FollowUpTests : IAsyncLifetime
{
    private AttendanceHost _host = null!;

    public async Task InitializeAsync() => _host = await AttendanceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TestWorld World => _host.World;

    private IAttendanceFollowUp FollowUp => _host.Get<IAttendanceFollowUp>();

    private async Task AbsentAsync(Ent.Core.Timetable.TimetableSlot slot, DateOnly day)
    {
        var session = _host.SessionOf(slot, day);
        await _host.Get<IRollCalls>().SaveAsync(TestWorld.As(World.Teacher), new RollCallSubmission(World.School.Id, day, session.Id, [new PupilAttendance(World.Learner.Id, "absent")]));
    }

    private async Task FourHalfDaysInNovemberAsync()
    {
        foreach (var day in new DateOnly[] { new(2026, 11, 5), new(2026, 11, 12), new(2026, 11, 19), new(2026, 11, 26) })
        {
            await AbsentAsync(_host.MathsAt8, day);
        }
    }

    [Fact]
    public async Task The_CPEs_day_shows_the_absences_the_roll_calls_not_taken_the_declarations_and_the_alerts()
    {
        await FourHalfDaysInNovemberAsync();
        await _host.Get<IAbsenceDeclarations>().DeclareAsync(TestWorld.As(World.Parent),
            new DeclarationDraft(World.Learner.Id, new(2026, 11, 27), new(0, 0), new(2026, 11, 27), new(23, 59), "rendez-vous-medical"));

        var day = await FollowUp.DayAsync(TestWorld.As(World.Staff), World.School.Id, AttendanceHost.Thursday);

        var absence = Assert.Single(day.Absences);
        Assert.Equal(("Benali Lina", "5e B", new TimeOnly(8, 0), Justification.Unjustified), (absence.Name, absence.ClassName, absence.Start, absence.State));
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(10, 0)], day.NotTaken.Select(s => s.Start)); // 10:00 in Paris: the 9–10 session has begun, the 10–11 Latin one too; 11–12 has not
        Assert.Equal("rendez-vous-medical", Assert.Single(day.Declarations).Reason);
        Assert.Equal((AlertKind.Absences, 4), (Assert.Single(day.Alerts).Key.Kind, day.Alerts[0].Count));
    }

    [Fact]
    public async Task A_pupils_record_lists_their_absences_and_each_months_half_days()
    {
        await FourHalfDaysInNovemberAsync();

        var record = await FollowUp.PupilAsync(TestWorld.As(World.Parent), World.Learner.Id, new(2026, 10, 1), new(2026, 11, 30));

        Assert.Equal(4, record.Absences.Count);
        Assert.Equal([(new DateOnly(2026, 10, 1), 0), (new DateOnly(2026, 11, 1), 4)], record.Months.Select(m => (m.Month, m.UnjustifiedHalfDays)));
        Assert.Equal(4, record.Months[1].MissedSessions);
    }

    [Fact]
    public async Task A_pupils_record_is_theirs_their_parents_their_teachers_and_their_schools_only()
    {
        Assert.NotNull(await FollowUp.PupilAsync(TestWorld.As(World.Learner), World.Learner.Id, new(2026, 11, 1), new(2026, 11, 30)));
        Assert.NotNull(await FollowUp.PupilAsync(TestWorld.As(World.Teacher), World.Learner.Id, new(2026, 11, 1), new(2026, 11, 30)));

        foreach (var outsider in new[] { World.Classmate, World.HeadOfOtherSchool, _host.LatinTeacher })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUp.PupilAsync(TestWorld.As(outsider), World.Learner.Id, new(2026, 11, 1), new(2026, 11, 30)));
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUp.PupilAsync(TestWorld.As(World.Parent), World.Classmate.Id, new(2026, 11, 1), new(2026, 11, 30)));
    }

    [Fact]
    public async Task The_school_justifies_absences_and_a_reason_needing_proof_awaits_it()
    {
        await AbsentAsync(_host.MathsAt8, AttendanceHost.Thursday);
        await AbsentAsync(_host.FrenchAt14, AttendanceHost.Thursday);
        var staff = TestWorld.As(World.Staff);

        var morning = await FollowUp.JustifyAsync(staff, World.Learner.Id, (AttendanceHost.Thursday, new(0, 0)), (AttendanceHost.Thursday, new(12, 0)), "maladie", proofReceived: false);
        await FollowUp.JustifyAsync(staff, World.Learner.Id, (AttendanceHost.Thursday, new(12, 0)), (AttendanceHost.Thursday, new(18, 0)), "rendez-vous-medical", proofReceived: false);

        Assert.Equal(1, morning);
        var record = await FollowUp.PupilAsync(staff, World.Learner.Id, AttendanceHost.Thursday, AttendanceHost.Thursday);
        Assert.Equal([Justification.Awaiting, Justification.Justified], record.Absences.Select(a => a.State));
        Assert.Equal(new AbsenceHalfDays(1, 1), (await _host.Get<IAbsenceSummary>().HalfDaysAsync(staff, World.Class5B.Id, World.Year.Periods[0].Id))[World.Learner.Id]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUp.JustifyAsync(TestWorld.As(World.Teacher), World.Learner.Id, (AttendanceHost.Thursday, new(0, 0)), (AttendanceHost.Thursday, new(18, 0)), "maladie", true));
    }

    [Fact]
    public async Task An_alert_follows_its_month_while_it_is_open()
    {
        await FourHalfDaysInNovemberAsync();

        await FollowUp.JustifyAsync(TestWorld.As(World.Staff), World.Learner.Id, (new DateOnly(2026, 11, 5), new(0, 0)), (new DateOnly(2026, 11, 5), new(23, 0)), "maladie", true);

        Assert.Equal(3, Assert.Single(await _host.Get<IAttendanceAlerts>().OfSchoolAsync(TestWorld.As(World.Staff), World.School.Id)).Count);
    }

    [Fact]
    public async Task A_school_sets_its_own_thresholds_for_the_months_to_come()
    {
        var head = TestWorld.As(World.Head);
        Assert.Equal(new SchoolThresholds(4, 4, Own: false), await FollowUp.ThresholdsAsync(head, World.School.Id));

        await FollowUp.SetThresholdsAsync(head, World.School.Id, new SchoolThresholds(2, 3));
        await AbsentAsync(_host.MathsAt8, new(2026, 11, 12));
        await AbsentAsync(_host.MathsAt8, new(2026, 11, 19));

        Assert.Equal(new SchoolThresholds(2, 3), await FollowUp.ThresholdsAsync(head, World.School.Id));
        Assert.Equal(2, Assert.Single(_host.Events<AttendanceThresholdReached>()).Threshold);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FollowUp.SetThresholdsAsync(head, World.School.Id, new SchoolThresholds(0, 3)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUp.SetThresholdsAsync(TestWorld.As(World.HeadOfOtherSchool), World.School.Id, new SchoolThresholds(9, 9)));
    }

    [Fact]
    public async Task The_letter_of_an_alert_names_the_pupil_the_month_and_the_law_in_French_and_in_English()
    {
        await FourHalfDaysInNovemberAsync();
        var alerts = _host.Get<IAttendanceAlerts>();
        var alert = Assert.Single(await alerts.OfSchoolAsync(TestWorld.As(World.Staff), World.School.Id));

        var french = await alerts.LetterAsync(TestWorld.As(World.Staff), alert.Key);
        var english = await alerts.LetterAsync(TestWorld.As(World.Staff), alert.Key, "en");

        Assert.Contains("Lina Benali a manqué 4 demi-journées de classe en novembre 2026", french);
        Assert.Contains("L131-8", french);
        Assert.Contains("Karim Benali", french);
        Assert.Contains("Lina Benali missed 4 half-days of school in November 2026", english);
    }

    [Fact]
    public async Task Sending_the_letter_and_closing_the_alert_are_recorded()
    {
        await FourHalfDaysInNovemberAsync();
        var alerts = _host.Get<IAttendanceAlerts>();
        var staff = TestWorld.As(World.Staff);
        var key = Assert.Single(await alerts.OfSchoolAsync(staff, World.School.Id)).Key;

        var sent = await alerts.RecordLetterSentAsync(staff, key, "courrier");
        var closed = await alerts.CloseAsync(staff, key, "Rencontre avec la famille le 3 décembre");

        Assert.Equal((AlertState.LetterSent, "courrier", World.Staff.Id), (sent.State, sent.LetterChannel, sent.LetterSentBy));
        Assert.Equal((AlertState.Closed, "courrier"), (closed.State, closed.LetterChannel));
        Assert.Empty(await alerts.OfSchoolAsync(staff, World.School.Id));
        Assert.Single(await alerts.OfSchoolAsync(staff, World.School.Id, includeClosed: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => alerts.OfSchoolAsync(TestWorld.As(World.Teacher), World.School.Id));
    }

    [Fact]
    public async Task The_family_is_told_of_an_unjustified_absence_the_same_day_and_not_of_a_declared_one()
    {
        await AbsentAsync(_host.MathsAt8, AttendanceHost.Thursday);
        await _host.Get<IAbsenceDeclarations>().DeclareAsync(TestWorld.As(World.Parent),
            new DeclarationDraft(World.Learner.Id, AttendanceHost.Thursday, new(13, 0), AttendanceHost.Thursday, new(18, 0), "maladie"));
        var session = _host.SessionOf(_host.FrenchAt14);
        var sheet = await _host.Get<IRollCalls>().SheetAsync(TestWorld.As(World.Teacher), World.School.Id, AttendanceHost.Thursday, session.Id);
        await _host.Get<IRollCalls>().SaveAsync(TestWorld.As(World.Teacher), new RollCallSubmission(World.School.Id, AttendanceHost.Thursday, session.Id,
            [.. sheet.Lines.Where(l => l.Mark.Status != "present").Select(l => l.Mark)]));

        var inbox = await _host.Get<INotifications>().InboxAsync(TestWorld.As(World.Parent));

        var told = Assert.Single(inbox).Notification;
        Assert.Equal("attendance.absence", told.Topic);
        Assert.Contains("Lina était absent(e) au cours de MATHS du jeudi 26 novembre à 8h00", told.Body.French);
        Assert.Empty(await _host.Get<INotifications>().InboxAsync(TestWorld.As(World.Teacher)));
    }
}
