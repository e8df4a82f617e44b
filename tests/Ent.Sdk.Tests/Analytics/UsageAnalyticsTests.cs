using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Analytics;
using Ent.Storage.Events;
using Ent.TestSupport;

namespace Ent.Sdk.Tests.Analytics;

/// <summary>The pedagogical share of a department's use, from its stored event log: by school, by role, by week, in the department's days.</summary>
public sealed class UsageAnalyticsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private readonly TestWorld _world = new();
    private readonly InMemoryEventLog _log = new();

    private UsageAnalytics Analytics => new(_log, _world.Directory, _world.AccessControl(), SchoolTime.Paris);

    private UsageEvent At(Person actor, School? school, DateOnly day, int hour, UsageCategory category) =>
        new(actor.Id, _world.Department.Id, school?.Id, new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(1)), category);

    [Fact]
    public async Task The_report_counts_each_category_and_the_pedagogical_share_by_school_role_and_week()
    {
        await _log.AppendAsync([
            At(_world.Teacher, _world.School, Monday, 9, UsageCategory.Pedagogical),
            At(_world.Teacher, _world.School, Monday, 10, UsageCategory.Pedagogical),
            At(_world.Learner, _world.School, Monday, 11, UsageCategory.Pedagogical),
            At(_world.Parent, _world.School, Monday.AddDays(1), 18, UsageCategory.Communication),
            At(_world.Head, _world.School, Monday.AddDays(7), 8, UsageCategory.Administration),
            At(_world.HeadOfOtherSchool, _world.OtherSchool, Monday.AddDays(8), 8, UsageCategory.VieScolaire),
        ]);

        var report = await Analytics.ReportAsync(new Actor(_world.Admin.Id, _world.Department.Id), Monday, Monday.AddDays(13));

        Assert.Equal(new UsageFigures(3, 1, 1, 1), report.Overall);
        Assert.Equal(0.5, report.Overall.PedagogicalShare);
        Assert.Equal(new UsageFigures(3, 1, 0, 1), report.BySchool[_world.School.Id]);
        Assert.Equal(new UsageFigures(0, 0, 1, 0), report.BySchool[_world.OtherSchool.Id]);
        Assert.Equal((2L, 1L, 1L, 2L), (report.ByRole[Role.Teacher].Pedagogical, report.ByRole[Role.Learner].Pedagogical, report.ByRole[Role.Parent].Communication, report.ByRole[Role.HeadOfSchool].Total));
        Assert.Equal([(Monday, 4L), (Monday.AddDays(7), 2L)], report.ByWeek.Select(w => (w.Monday, w.Figures.Total)));
        Assert.Equal(0.75, report.ByWeek[0].Figures.PedagogicalShare);
    }

    [Fact]
    public async Task Days_are_the_departments_an_event_just_after_midnight_in_paris_counts_on_that_day()
    {
        await _log.AppendAsync([At(_world.Teacher, _world.School, Monday, 0, UsageCategory.Pedagogical) with { OccurredAt = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero) }]); // 00:30 in Paris

        var report = await Analytics.ReportAsync(new Actor(_world.Admin.Id, _world.Department.Id), Monday, Monday);

        Assert.Equal(1, report.Overall.Total);
        Assert.Equal(0, (await Analytics.ReportAsync(new Actor(_world.Admin.Id, _world.Department.Id), Monday.AddDays(-1), Monday.AddDays(-1))).Overall.Total);
    }

    [Fact]
    public async Task A_head_of_school_reads_their_schools_figures_only_and_never_another_schools_or_the_departments()
    {
        await _log.AppendAsync([At(_world.Teacher, _world.School, Monday, 9, UsageCategory.Pedagogical), At(_world.HeadOfOtherSchool, _world.OtherSchool, Monday, 9, UsageCategory.Administration)]);
        var head = new Actor(_world.Head.Id, _world.Department.Id);

        var mine = await Analytics.ReportAsync(head, Monday, Monday, _world.School.Id);

        Assert.Equal(new UsageFigures(1, 0, 0, 0), mine.Overall);
        Assert.Equal([_world.School.Id], mine.BySchool.Keys);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Analytics.ReportAsync(head, Monday, Monday, _world.OtherSchool.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Analytics.ReportAsync(head, Monday, Monday));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Analytics.ReportAsync(new Actor(_world.Teacher.Id, _world.Department.Id), Monday, Monday, _world.School.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Analytics.ReportAsync(new Actor(_world.OtherDepartmentAdmin.Id, _world.OtherDepartment.Id), Monday, Monday, _world.School.Id));
        await Assert.ThrowsAsync<UnknownReferenceException>(() => Analytics.ReportAsync(new Actor(_world.Admin.Id, _world.Department.Id), Monday, Monday, SchoolId.New()));
    }

    [Fact]
    public async Task A_range_that_ends_before_it_begins_is_refused_naming_both_days()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Analytics.ReportAsync(new Actor(_world.Admin.Id, _world.Department.Id), Monday, Monday.AddDays(-1)));

        Assert.Contains("2026-11-23 to 2026-11-22", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An event of a given category, as plugins' events are.</summary>
    private sealed record UsageEvent(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, UsageCategory Kind)
        : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("test", Guid.NewGuid()))
    {
        public override UsageCategory Category => Kind;
    }
}
