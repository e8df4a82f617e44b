using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Core.Events;

namespace Ent.Core.Tests.Organisation;

public sealed class RosterTests
{
    private readonly TestWorld _world = new();
    private readonly RecordingPublisher _events = new();

    private Roster Roster => new(_world.Directory, _world.AccessControl(), _events, _world.Time);

    [Fact]
    public void A_teacher_lists_the_learners_of_their_class_in_name_order()
    {
        var learners = Roster.LearnersOf(TestWorld.As(_world.Teacher), _world.Class5B.Id, new(2026, 11, 26));

        Assert.Equal(["Lina BENALI", "Hugo MARTIN"], learners.Select(p => p.DisplayName));
    }

    [Fact]
    public void A_teacher_is_refused_the_list_of_another_class()
    {
        Assert.Throws<AccessDeniedException>(() => Roster.LearnersOf(TestWorld.As(_world.Teacher), _world.Class4A.Id, new(2026, 11, 26)));
    }

    [Fact]
    public void A_learner_is_refused_the_list_of_their_own_class()
    {
        Assert.Throws<AccessDeniedException>(() => Roster.LearnersOf(TestWorld.As(_world.Learner), _world.Class5B.Id, new(2026, 11, 26)));
    }

    [Fact]
    public void An_unknown_class_is_reported_as_such()
    {
        var error = Assert.Throws<UnknownReferenceException>(() => Roster.LearnersOf(TestWorld.As(_world.Head), new Identifiers.ClassId(Guid.NewGuid()), new(2026, 11, 26)));

        Assert.Equal("class", error.Kind);
    }

    [Theory]
    [InlineData("Learner", "Learner")]
    [InlineData("Parent", "Learner")]
    [InlineData("Teacher", "Learner")]
    [InlineData("Head", "LearnerOf4A")]
    public void People_with_a_reason_to_see_a_person_may_read_them(string actor, string subject)
    {
        var found = Roster.GetPerson(TestWorld.As(Person(actor)), Person(subject).Id);

        Assert.Equal(Person(subject), found);
    }

    [Theory]
    [InlineData("Learner", "Classmate")]
    [InlineData("Parent", "Classmate")]
    [InlineData("Teacher", "LearnerOf4A")]
    [InlineData("HeadOfOtherSchool", "Learner")]
    [InlineData("OtherDepartmentAdmin", "Learner")]
    public void People_without_a_reason_to_see_a_person_are_refused(string actor, string subject)
    {
        Assert.Throws<AccessDeniedException>(() => Roster.GetPerson(TestWorld.As(Person(actor)), Person(subject).Id));
    }

    [Fact]
    public async Task School_staff_enrol_a_learner_and_an_event_records_it()
    {
        var enrolment = Enrolment.InGroup(_world.LearnerOf4A.Id, _world.LatinGroup, new DateRange(new(2026, 9, 1)));

        await Roster.EnrolAsync(TestWorld.As(_world.Staff), enrolment);

        Assert.Contains(enrolment, _world.Directory.EnrolmentsIn(_world.LatinGroup.Id));
        var recorded = Assert.IsType<LearnerEnrolled>(Assert.Single(_events.Published));
        Assert.Equal((_world.Staff.Id, (Identifiers.SchoolId?)_world.School.Id, _world.Time.GetUtcNow()), (recorded.Actor, recorded.School, recorded.OccurredAt));
        Assert.Equal(UsageCategory.Administration, recorded.Category);
    }

    [Fact]
    public async Task School_staff_enrol_several_learners_at_once_with_an_event_each()
    {
        var year = new DateRange(new(2026, 9, 1));
        Enrolment[] enrolments = [Enrolment.InGroup(_world.LearnerOf4A.Id, _world.LatinGroup, year), Enrolment.InGroup(_world.Learner.Id, _world.LatinGroup, year)];

        await Roster.EnrolAsync(TestWorld.As(_world.Staff), enrolments);

        Assert.Equal(enrolments.Select(e => e.Id.Value).Order(), _world.Directory.EnrolmentsIn(_world.LatinGroup.Id).Select(e => e.Id.Value).Order());
        Assert.Equal(enrolments, _events.Published.Cast<LearnerEnrolled>().Select(e => e.Enrolment));
    }

    [Fact]
    public async Task Enrolling_at_once_into_a_class_of_another_school_is_refused_and_nothing_is_enrolled()
    {
        var year = new DateRange(new(2026, 9, 1));
        var elsewhere = new SchoolClass(Identifiers.ClassId.New(), _world.OtherSchool.Id, _world.Year.Id, "6e A");
        _world.Directory.Add(elsewhere);
        Enrolment[] enrolments = [Enrolment.InGroup(_world.LearnerOf4A.Id, _world.LatinGroup, year), Enrolment.InClass(_world.Learner.Id, elsewhere, year)];

        await Assert.ThrowsAsync<AccessDeniedException>(() => Roster.EnrolAsync(TestWorld.As(_world.Staff), enrolments));

        Assert.Empty(_world.Directory.EnrolmentsIn(_world.LatinGroup.Id));
        Assert.Empty(_world.Directory.EnrolmentsIn(elsewhere.Id));
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task A_teacher_may_not_enrol_and_nothing_is_stored()
    {
        var enrolment = Enrolment.InClass(_world.LearnerOf4A.Id, _world.Class5B, new DateRange(new(2026, 9, 1)));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Roster.EnrolAsync(TestWorld.As(_world.Teacher), enrolment));

        Assert.DoesNotContain(enrolment, _world.Directory.EnrolmentsIn(_world.Class5B.Id));
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task Enrolling_a_person_of_another_department_is_refused_and_nothing_is_stored()
    {
        var enrolment = Enrolment.InClass(_world.OtherDepartmentAdmin.Id, _world.Class5B, new DateRange(new(2026, 9, 1)));

        var error = await Assert.ThrowsAsync<UnknownReferenceException>(() => Roster.EnrolAsync(TestWorld.As(_world.Staff), enrolment));

        Assert.Equal(_world.OtherDepartmentAdmin.Id.Value, error.Id);
        Assert.DoesNotContain(enrolment, _world.Directory.EnrolmentsIn(_world.Class5B.Id));
        Assert.Empty(_events.Published);
    }

    private Person Person(string name) => (Person)typeof(TestWorld).GetProperty(name)!.GetValue(_world)!;
}

internal sealed class RecordingPublisher : IDomainEventPublisher
{
    public List<DomainEvent> Published { get; } = [];

    public Task<PublishResult> PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        Published.Add(domainEvent);
        return Task.FromResult(new PublishResult(0, []));
    }
}
