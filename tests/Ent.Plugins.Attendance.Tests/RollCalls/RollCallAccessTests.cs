using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.RollCalls;
using Ent.TestSupport;

namespace Ent.Plugins.Attendance.Tests.RollCalls;

/// <summary>
/// Who takes which roll call, and who counts in it: a teacher their own sessions' pupils only; the school's staff any session of
/// their school; nobody outside the school. A pupil counts only from their arrival to their departure, a group's session only for its members.
/// </summary>
public sealed class RollCallAccessTests : IAsyncLifetime
{
    private AttendanceHost _host = null!;
    private IRollCalls _rollCalls = null!;

    public async Task InitializeAsync()
    {
        var world = new TestWorld();
        // Arrives in 5e B on Friday 27 November; a pupil who left 5e B on 20 November.
        var newcomer = new Person(Ent.Core.Identifiers.PersonId.New(), world.Department.Id, "Zoé", "Arrivée");
        var leaver = new Person(Ent.Core.Identifiers.PersonId.New(), world.Department.Id, "Yanis", "Parti");
        world.Directory.Add(newcomer);
        world.Directory.Add(leaver);
        world.Directory.Add(Enrolment.InClass(newcomer.Id, world.Class5B, new DateRange(new(2026, 11, 27), world.Year.Dates.End)));
        world.Directory.Add(Enrolment.InClass(leaver.Id, world.Class5B, new DateRange(world.Year.Dates.Begin, new(2026, 11, 20))));
        (Newcomer, Leaver) = (newcomer, leaver);
        _host = await AttendanceHost.StartAsync(world);
        _rollCalls = _host.Get<IRollCalls>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Person Newcomer { get; set; } = null!;

    private Person Leaver { get; set; } = null!;

    private TestWorld World => _host.World;

    private Task<RollCallSheet> SheetAsync(Person who, Ent.Core.Timetable.TimetableSlot slot, DateOnly? day = null) =>
        _rollCalls.SheetAsync(TestWorld.As(who), World.School.Id, day ?? AttendanceHost.Thursday, _host.SessionOf(slot, day).Id);

    [Fact]
    public async Task A_pupil_counts_only_between_their_arrival_and_their_departure()
    {
        var thursday = await SheetAsync(World.Teacher, _host.MathsAt8);
        var weekLater = await SheetAsync(World.Teacher, _host.MathsAt8, new DateOnly(2026, 12, 3));
        var weekBefore = await SheetAsync(World.Teacher, _host.MathsAt8, new DateOnly(2026, 11, 19));

        Assert.DoesNotContain(thursday.Lines, l => l.Pupil == Newcomer.Id || l.Pupil == Leaver.Id);
        Assert.Contains(weekLater.Lines, l => l.Pupil == Newcomer.Id);
        Assert.Contains(weekBefore.Lines, l => l.Pupil == Leaver.Id);
    }

    [Fact]
    public async Task A_pupil_not_yet_arrived_cannot_be_marked_and_the_message_names_them()
    {
        var session = _host.SessionOf(_host.MathsAt8);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _rollCalls.SaveAsync(TestWorld.As(World.Teacher),
            new RollCallSubmission(World.School.Id, session.Date, session.Id, [new PupilAttendance(Newcomer.Id, "absent")])));

        Assert.Contains(Newcomer.Id.Value.ToString(), error.Message);
    }

    [Fact]
    public async Task A_group_session_counts_only_the_groups_members()
    {
        var sheet = await SheetAsync(_host.LatinTeacher, _host.LatinAt10);

        Assert.Equal([World.LearnerOf4A.Id], sheet.Lines.Select(l => l.Pupil));
    }

    [Fact]
    public async Task A_teacher_may_not_take_another_teachers_session_of_their_own_class()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => SheetAsync(World.Teacher, _host.HistoryAt11));
        await Assert.ThrowsAsync<AccessDeniedException>(() => SheetAsync(World.Teacher, _host.LatinAt10));
    }

    [Fact]
    public async Task The_schools_staff_and_head_take_any_session_of_their_school()
    {
        Assert.NotEmpty((await SheetAsync(World.Staff, _host.HistoryAt11)).Lines);
        Assert.NotEmpty((await SheetAsync(World.Head, _host.LatinAt10)).Lines);
    }

    [Fact]
    public async Task Pupils_parents_and_another_schools_head_take_no_roll_call()
    {
        foreach (var outsider in new[] { World.Learner, World.Parent, World.HeadOfOtherSchool })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => SheetAsync(outsider, _host.MathsAt8));
        }
    }
}
