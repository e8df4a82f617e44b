using Ent.Plugins.Attendance.RollCalls;
using Ent.TestSupport;

namespace Ent.Plugins.Attendance.Tests.RollCalls;

/// <summary>A teacher takes a session's roll call in one action; it is kept with who and when, saved twice it is the same, and corrections are kept.</summary>
public sealed class RollCallTests : IAsyncLifetime
{
    private AttendanceHost _host = null!;
    private IRollCalls _rollCalls = null!;

    public async Task InitializeAsync()
    {
        _host = await AttendanceHost.StartAsync();
        _rollCalls = _host.Get<IRollCalls>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TestWorld World => _host.World;

    private RollCallSubmission Submission(Ent.Core.Timetable.TimetableSlot slot, int? basedOn = null, string? why = null, params PupilAttendance[] marks)
    {
        var session = _host.SessionOf(slot);
        return new RollCallSubmission(World.School.Id, session.Date, session.Id, marks, basedOn, why);
    }

    [Fact]
    public async Task Every_pupil_is_present_unless_marked_and_the_roll_call_keeps_who_took_it_and_when()
    {
        var saved = await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "absent")));

        Assert.Equal(new[] { World.Learner.Id, World.Classmate.Id }.OrderBy(p => p.Value), saved.Roster);
        Assert.Equal("absent", saved.Of(World.Learner.Id).Status);
        Assert.Equal("present", saved.Of(World.Classmate.Id).Status);
        Assert.Equal((World.Teacher.Id, World.Time.GetUtcNow(), 1), (saved.TakenBy, saved.TakenAt, saved.Revision));
    }

    [Fact]
    public async Task The_sheet_lists_the_pupils_of_the_day_with_the_saved_statuses()
    {
        await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Classmate.Id, "late", LateMinutes: 10)));

        var sheet = await _rollCalls.SheetAsync(TestWorld.As(World.Teacher), World.School.Id, AttendanceHost.Thursday, _host.SessionOf(_host.MathsAt8).Id);

        Assert.Equal(["Benali Lina", "Martin Hugo"], sheet.Lines.Select(l => l.Name));
        Assert.Equal(("late", 10), (sheet.Lines[1].Mark.Status, sheet.Lines[1].Mark.LateMinutes));
        Assert.Equal("5e B", sheet.Audience);
        Assert.Contains(sheet.Statuses, s => s.Code == "exempt");
    }

    [Fact]
    public async Task A_roll_call_saved_twice_is_the_same_roll_call()
    {
        var first = await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "absent")));
        var again = await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "absent")));

        Assert.Equal(first.Revision, again.Revision);
        Assert.Empty((await _rollCalls.SheetAsync(TestWorld.As(World.Teacher), World.School.Id, AttendanceHost.Thursday, first.Session.Id)).Corrections);
        Assert.Single(_host.Events<RollCallSaved>());
    }

    [Fact]
    public async Task Another_roll_call_saved_without_seeing_the_first_is_a_conflict_and_the_first_stays()
    {
        await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "absent")));

        var conflict = await Assert.ThrowsAsync<RollCallConflictException>(() =>
            _rollCalls.SaveAsync(TestWorld.As(World.Staff), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Classmate.Id, "absent"))));

        Assert.Equal("absent", conflict.Current.Of(World.Learner.Id).Status);
        var sheet = await _rollCalls.SheetAsync(TestWorld.As(World.Teacher), World.School.Id, AttendanceHost.Thursday, conflict.Current.Session.Id);
        Assert.Equal(["absent", "present"], sheet.Lines.Select(l => l.Mark.Status));
    }

    [Fact]
    public async Task A_correction_of_the_last_revision_is_kept_with_who_when_and_why()
    {
        var first = await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "absent")));
        World.Time.Advance(TimeSpan.FromMinutes(20));

        var corrected = await _rollCalls.SaveAsync(TestWorld.As(World.Staff), Submission(_host.MathsAt8, basedOn: first.Revision, why: "Arrivée à la vie scolaire avec un mot",
            marks: new PupilAttendance(World.Learner.Id, "late", LateMinutes: 15)));

        Assert.Equal((2, World.Staff.Id, World.Teacher.Id), (corrected.Revision, corrected.ChangedBy, corrected.TakenBy));
        var correction = Assert.Single((await _rollCalls.SheetAsync(TestWorld.As(World.Staff), World.School.Id, AttendanceHost.Thursday, first.Session.Id)).Corrections);
        Assert.Equal((World.Learner.Id, "absent", "late (15 min)", World.Staff.Id, World.Time.GetUtcNow(), "Arrivée à la vie scolaire avec un mot", 2),
            (correction.Pupil, correction.Before, correction.After, correction.Actor, correction.At, correction.Why, correction.Revision));
    }

    [Fact]
    public async Task A_correction_by_someone_else_or_after_the_day_needs_a_reason()
    {
        var first = await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "absent")));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _rollCalls.SaveAsync(TestWorld.As(World.Staff), Submission(_host.MathsAt8, basedOn: first.Revision)));

        Assert.Contains("needs a reason", error.Message);
        World.Time.Advance(TimeSpan.FromDays(1));
        await Assert.ThrowsAsync<ArgumentException>(() => _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, basedOn: first.Revision)));
    }

    [Fact]
    public async Task Whoever_took_it_corrects_it_the_same_day_without_a_reason()
    {
        var first = await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "absent")));

        var corrected = await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, basedOn: first.Revision));

        Assert.Equal("present", corrected.Of(World.Learner.Id).Status);
        Assert.Null(Assert.Single((await _rollCalls.SheetAsync(TestWorld.As(World.Teacher), World.School.Id, AttendanceHost.Thursday, first.Session.Id)).Corrections).Why);
    }

    [Fact]
    public async Task Two_teachers_saving_one_session_at_once_lose_nothing()
    {
        var one = _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "absent")));
        var other = _rollCalls.SaveAsync(TestWorld.As(World.Staff), Submission(_host.MathsAt8, marks: new PupilAttendance(World.Classmate.Id, "absent")));

        var outcomes = await Task.WhenAll(Outcome(one), Outcome(other));

        // One of them is the roll call; the other was told of it, and the roll call is the first's whole.
        var saved = Assert.Single(outcomes, o => o.Saved is not null).Saved!;
        Assert.Single(outcomes, o => o.Conflict is not null);
        var sheet = await _rollCalls.SheetAsync(TestWorld.As(World.Staff), World.School.Id, AttendanceHost.Thursday, saved.Session.Id);
        Assert.Equal(saved.Marks.AsEnumerable(), sheet.Taken!.Marks.AsEnumerable());
    }

    [Fact]
    public async Task Marks_that_name_a_pupil_twice_an_unknown_status_or_bad_minutes_are_refused_naming_them_and_nothing_is_saved()
    {
        var teacher = TestWorld.As(World.Teacher);

        var twice = await Assert.ThrowsAsync<ArgumentException>(() => _rollCalls.SaveAsync(teacher, Submission(_host.MathsAt8,
            marks: [new PupilAttendance(World.Learner.Id, "absent"), new PupilAttendance(World.Learner.Id, "late", 5)])));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => _rollCalls.SaveAsync(teacher, Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "asleep"))));
        var minutes = await Assert.ThrowsAsync<ArgumentException>(() => _rollCalls.SaveAsync(teacher, Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "late", 90))));
        var left = await Assert.ThrowsAsync<ArgumentException>(() => _rollCalls.SaveAsync(teacher, Submission(_host.MathsAt8, marks: new PupilAttendance(World.Learner.Id, "left-early", LeftAt: new(7, 30)))));

        Assert.Contains("twice", twice.Message);
        Assert.Contains("'asleep'", unknown.Message);
        Assert.Contains("90", minutes.Message);
        Assert.Contains("07:30", left.Message);
        Assert.Null((await _rollCalls.SheetAsync(teacher, World.School.Id, AttendanceHost.Thursday, _host.SessionOf(_host.MathsAt8).Id)).Taken);
    }

    [Fact]
    public async Task A_session_the_school_does_not_teach_that_day_is_named()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _rollCalls.SheetAsync(TestWorld.As(World.Teacher), World.School.Id, new DateOnly(2026, 11, 27), _host.SessionOf(_host.MathsAt8).Id));

        Assert.Contains("2026-11-27", error.Message);
    }

    [Fact]
    public async Task A_teacher_sees_the_sessions_they_teach_today_and_whether_each_is_taken()
    {
        await _rollCalls.SaveAsync(TestWorld.As(World.Teacher), Submission(_host.MathsAt9));

        var sessions = await _rollCalls.SessionsOfAsync(TestWorld.As(World.Teacher), AttendanceHost.Thursday);

        Assert.Equal([(new TimeOnly(8, 0), false), (new TimeOnly(9, 0), true), (new TimeOnly(14, 0), false)], sessions.Select(s => (s.Session.Start, s.Taken)));
        Assert.All(sessions, s => Assert.Equal("5e B", s.Audience));
    }

    private static async Task<(RollCall? Saved, RollCallConflictException? Conflict)> Outcome(Task<RollCall> save)
    {
        try
        {
            return (await save, null);
        }
        catch (RollCallConflictException conflict)
        {
            return (null, conflict);
        }
    }
}

/// <summary>The department's own statuses and reasons, from its options, checked at start.</summary>
public sealed class DepartmentStatusesTests
{
    [Fact]
    public async Task A_status_the_department_adds_is_offered_and_saved_with_its_effect()
    {
        await using var host = await AttendanceHost.StartAsync(options: o => o.Statuses.Add(new StatusOption { Code = "infirmerie", French = "À l'infirmerie", Effect = Statuses.AttendanceEffect.Excused }));
        var world = host.World;
        var session = host.SessionOf(host.MathsAt8);
        var rollCalls = host.Get<IRollCalls>();

        var saved = await rollCalls.SaveAsync(TestWorld.As(world.Teacher), new RollCallSubmission(world.School.Id, session.Date, session.Id, [new PupilAttendance(world.Learner.Id, "infirmerie")]));
        var sheet = await rollCalls.SheetAsync(TestWorld.As(world.Teacher), world.School.Id, session.Date, session.Id);

        Assert.Equal("infirmerie", saved.Of(world.Learner.Id).Status);
        Assert.Contains(sheet.Statuses, s => s.Code == "infirmerie" && s.Label.French == "À l'infirmerie");
        Assert.Equal(0, (await host.Get<Ent.Core.Attendance.IAbsenceSummary>().HalfDaysAsync(TestWorld.As(world.Teacher), world.Class5B.Id, world.Year.Periods[0].Id))[world.Learner.Id].Total);
    }

    [Theory]
    [InlineData("absent", "'absent' is there twice, or is a built-in status")]
    [InlineData("Not An Id", "'Not An Id' is not a valid code")]
    public void A_status_that_repeats_a_built_in_one_or_is_no_stable_id_is_refused_naming_it(string code, string expected)
    {
        var options = new AttendanceOptions();
        options.Statuses.Add(new StatusOption { Code = code, French = "x" });

        Assert.Contains(options.Validate(), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_threshold_outside_a_months_half_days_and_a_repeated_reason_are_refused_naming_them()
    {
        var options = new AttendanceOptions { AbsenceThreshold = 0 };
        options.Reasons.Add(new ReasonOption { Code = "maladie", French = "Maladie", Legitimate = true });
        options.Reasons.Add(new ReasonOption { Code = "maladie", French = "Maladie bis" });

        var problems = options.Validate();

        Assert.Contains(problems, p => p.Contains("AbsenceThreshold: 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'maladie' is there twice", StringComparison.Ordinal));
        Assert.Equal(["maladie"], new AttendanceOptions { Reasons = { new ReasonOption { Code = "maladie", French = "Maladie" } } }.AllReasons().Select(r => r.Code)); // a department's list replaces the default one
    }
}
