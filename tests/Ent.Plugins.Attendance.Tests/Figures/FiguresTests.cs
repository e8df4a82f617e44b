using Ent.Core.Access;
using Ent.Plugins.Attendance.Figures;
using Ent.Plugins.Attendance.FollowUp;
using Ent.Plugins.Attendance.RollCalls;
using Ent.TestSupport;

namespace Ent.Plugins.Attendance.Tests.Figures;

/// <summary>A school's figures per class over a period, and the DEPP's absenteeism indicator month by month, per school and for the department.</summary>
public sealed class FiguresTests : IAsyncLifetime
{
    private AttendanceHost _host = null!;

    public async Task InitializeAsync() => _host = await AttendanceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TestWorld World => _host.World;

    private async Task AbsentAsync(DateOnly day)
    {
        var session = _host.SessionOf(_host.MathsAt8, day);
        await _host.Get<IRollCalls>().SaveAsync(TestWorld.As(World.Teacher), new RollCallSubmission(World.School.Id, day, session.Id, [new PupilAttendance(World.Learner.Id, "absent")]));
    }

    private async Task FourHalfDaysInNovemberAsync()
    {
        foreach (var day in new DateOnly[] { new(2026, 11, 5), new(2026, 11, 12), new(2026, 11, 19), new(2026, 11, 26) })
        {
            await AbsentAsync(day);
        }
    }

    [Fact]
    public async Task A_schools_figures_sum_each_classs_half_days_and_lateness()
    {
        await FourHalfDaysInNovemberAsync();

        var figures = await _host.Get<IAttendanceFigures>().SchoolAsync(TestWorld.As(World.Staff), World.School.Id, World.Year.Periods[0].Id);

        Assert.Equal(["4e A", "5e B"], figures.Classes.Select(c => c.Class));
        Assert.Equal((2, 4, 1), (figures.Classes[1].Pupils, figures.Classes[1].HalfDays.Unjustified, figures.Classes[1].PupilsWithUnjustified));
        Assert.Equal((3, 4), (figures.Total.Pupils, figures.Total.HalfDays.Total));
    }

    [Fact]
    public async Task The_indicator_is_the_share_of_pupils_at_four_unjustified_half_days_month_by_month_from_September_to_May()
    {
        await FourHalfDaysInNovemberAsync();

        var indicator = await _host.Get<IAttendanceFigures>().IndicatorAsync(TestWorld.As(World.Admin), AttendanceHost.Thursday);

        Assert.Equal(9, indicator.Months.Count);
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2027, 5, 1)), (indicator.Months[0], indicator.Months[^1]));
        var school = indicator.Schools.Single(s => s.School == World.School.Id);
        Assert.Equal((3, 1), (school.Months[2].Pupils, school.Months[2].AtThreshold));
        Assert.Equal(1 / 3.0, school.Months[2].Share!.Value, 6);
        Assert.Equal(0, school.Months[1].AtThreshold);
        Assert.Equal(1 / 3.0 / 8, school.MeanShare!.Value, 6); // eight months, September to April
        Assert.Equal(1, indicator.Department![2].AtThreshold);
        Assert.Contains(indicator.Schools, s => s.School == World.OtherSchool.Id);
    }

    [Fact]
    public async Task A_pupil_justified_below_the_threshold_leaves_the_indicator()
    {
        await FourHalfDaysInNovemberAsync();

        await _host.Get<IAttendanceFollowUp>().JustifyAsync(TestWorld.As(World.Staff), World.Learner.Id, (new DateOnly(2026, 11, 5), new(0, 0)), (new DateOnly(2026, 11, 5), new(23, 0)), "maladie", true);

        var indicator = await _host.Get<IAttendanceFigures>().IndicatorAsync(TestWorld.As(World.Head), AttendanceHost.Thursday, World.School.Id);
        Assert.Equal(0, Assert.Single(indicator.Schools).Months[2].AtThreshold);
        Assert.Null(indicator.Department);
    }

    [Fact]
    public async Task A_head_sees_their_schools_indicator_only_and_a_teacher_none()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Get<IAttendanceFigures>().IndicatorAsync(TestWorld.As(World.HeadOfOtherSchool), AttendanceHost.Thursday, World.School.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Get<IAttendanceFigures>().IndicatorAsync(TestWorld.As(World.Teacher), AttendanceHost.Thursday, World.School.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Get<IAttendanceFigures>().IndicatorAsync(TestWorld.As(World.Head), AttendanceHost.Thursday));
    }
}
