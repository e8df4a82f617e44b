using Ent.Core.Access;
using Ent.Core.Organisation;

namespace Ent.Core.Tests.Access;

public sealed class AccessControlTests
{
    private readonly TestWorld _world = new();

    private AccessScope Class5B => AccessScope.OfClass(_world.Department.Id, _world.School.Id, _world.Class5B.Id);

    private AccessScope Class4A => AccessScope.OfClass(_world.Department.Id, _world.School.Id, _world.Class4A.Id);

    [Fact]
    public void A_teacher_may_record_progress_in_the_class_they_teach()
    {
        Assert.True(Evaluate(_world.Teacher, Capabilities.RecordLearnerProgress, Class5B, _world.Learner).Allowed);
    }

    [Fact]
    public void A_teacher_is_refused_another_class()
    {
        var decision = Evaluate(_world.Teacher, Capabilities.RecordLearnerProgress, Class4A, _world.LearnerOf4A);

        Assert.False(decision.Allowed);
        Assert.Contains("none of the actor's current roles grants 'core.progress.record'", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_learner_may_see_their_own_progress_and_not_a_classmates()
    {
        Assert.True(Evaluate(_world.Learner, Capabilities.ViewLearnerProgress, Class5B, _world.Learner).Allowed);
        Assert.False(Evaluate(_world.Learner, Capabilities.ViewLearnerProgress, Class5B, _world.Classmate).Allowed);
    }

    [Fact]
    public void A_parent_may_see_their_childs_progress_and_not_another_childs()
    {
        Assert.True(Evaluate(_world.Parent, Capabilities.ViewLearnerProgress, Class5B, _world.Learner).Allowed);
        Assert.False(Evaluate(_world.Parent, Capabilities.ViewLearnerProgress, Class5B, _world.Classmate).Allowed);
    }

    [Fact]
    public void The_head_of_school_sees_every_class_of_the_school_and_not_another_school()
    {
        Assert.True(Evaluate(_world.Head, Capabilities.ViewLearnerProgress, Class4A, _world.LearnerOf4A).Allowed);
        Assert.False(Evaluate(_world.HeadOfOtherSchool, Capabilities.ViewLearnerProgress, Class4A, _world.LearnerOf4A).Allowed);
    }

    [Fact]
    public void A_department_admin_manages_rosters_but_does_not_read_learners_progress()
    {
        Assert.True(Evaluate(_world.Admin, Capabilities.ManageRoster, Class4A).Allowed);
        Assert.False(Evaluate(_world.Admin, Capabilities.ViewLearnerProgress, Class4A, _world.LearnerOf4A).Allowed);
    }

    [Fact]
    public void An_admin_of_another_department_is_refused_whatever_the_scope_names()
    {
        var decision = Evaluate(_world.OtherDepartmentAdmin, Capabilities.ManageRoster, Class4A);

        Assert.False(decision.Allowed);
        Assert.Contains("not the actor's department", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_actor_claiming_a_department_that_is_not_theirs_is_refused()
    {
        var impostor = new Actor(_world.OtherDepartmentAdmin.Id, _world.Department.Id);

        var decision = _world.AccessControl().Evaluate(impostor, Capabilities.ManageRoster, Class4A);

        Assert.False(decision.Allowed);
        Assert.Contains("not a person of this department", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_from_another_department_is_refused()
    {
        Assert.False(Evaluate(_world.Head, Capabilities.ViewPerson, Class5B, _world.OtherDepartmentAdmin).Allowed);
    }

    [Fact]
    public void A_role_outside_its_dates_grants_nothing()
    {
        _world.Time.SetUtcNow(new DateTimeOffset(2027, 7, 10, 9, 0, 0, TimeSpan.Zero));

        var decision = Evaluate(_world.Teacher, Capabilities.ViewCourses, Class5B);

        Assert.False(decision.Allowed);
        Assert.Contains("holds no role on 2027-07-10", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capability_defined_by_a_plugin_is_granted_through_the_policy()
    {
        var annotate = new Capability("acme.notes.annotate");
        var policy = AccessPolicy.Default.Including([new CapabilityGrant(Role.Teacher, annotate, GrantReach.Scope)]);

        Assert.True(_world.AccessControl(policy).Evaluate(TestWorld.As(_world.Teacher), annotate, Class5B).Allowed);
        Assert.False(_world.AccessControl().Evaluate(TestWorld.As(_world.Teacher), annotate, Class5B).Allowed);
    }

    [Fact]
    public void Demand_throws_an_exception_that_says_who_was_refused_what()
    {
        var actor = TestWorld.As(_world.Learner);

        var error = Assert.Throws<AccessDeniedException>(() =>
            ((IAccessControl)_world.AccessControl()).Demand(actor, Capabilities.ViewLearnerProgress, Class5B, _world.Classmate.Id));

        Assert.Equal((actor, Capabilities.ViewLearnerProgress, (Ent.Core.Identifiers.PersonId?)_world.Classmate.Id), (error.Actor, error.Capability, error.Subject));
        Assert.Contains($"person {_world.Learner.Id.Value}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'core.progress.view'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"about person {_world.Classmate.Id.Value}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_capability_name_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new Capability("Read Everything"));

        Assert.Contains("'Read Everything'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_teachers_class_grant_does_not_reach_a_pupil_of_another_class_passed_with_their_class()
    {
        var decision = Evaluate(_world.Teacher, Capabilities.ViewLearnerProgress, Class5B, _world.LearnerOf4A);

        Assert.False(decision.Allowed);
        Assert.Contains($"person {_world.LearnerOf4A.Id.Value} is not in", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_or_school_grant_does_not_reach_a_pupil_of_another_school()
    {
        var elsewhere = PupilOfTheOtherSchool();

        Assert.False(Evaluate(_world.Teacher, Capabilities.ViewLearnerProgress, Class5B, elsewhere).Allowed);
        Assert.False(Evaluate(_world.Head, Capabilities.ViewLearnerProgress, AccessScope.OfSchool(_world.Department.Id, _world.School.Id), elsewhere).Allowed);
        Assert.True(Evaluate(_world.HeadOfOtherSchool, Capabilities.ViewLearnerProgress, AccessScope.OfSchool(_world.Department.Id, _world.OtherSchool.Id), elsewhere).Allowed);
    }

    [Fact]
    public void A_learner_naming_another_class_for_their_own_data_is_refused()
    {
        Assert.False(Evaluate(_world.Learner, Capabilities.ViewLearnerProgress, Class4A, _world.Learner).Allowed);
    }

    [Fact]
    public void A_pupil_who_left_the_class_stays_inside_it_for_its_history()
    {
        var leaver = new Person(Ent.Core.Identifiers.PersonId.New(), _world.Department.Id, "Léa", "Petit");
        _world.Directory.Add(leaver);
        _world.Directory.Add(Enrolment.InClass(leaver.Id, _world.Class5B, new DateRange(new(2026, 9, 1), new(2026, 10, 16))));

        Assert.True(Evaluate(_world.Teacher, Capabilities.ViewLearnerProgress, Class5B, leaver).Allowed);
    }

    private Person PupilOfTheOtherSchool()
    {
        var @class = new SchoolClass(Ent.Core.Identifiers.ClassId.New(), _world.OtherSchool.Id, _world.Year.Id, "5e A");
        var pupil = new Person(Ent.Core.Identifiers.PersonId.New(), _world.Department.Id, "Noé", "Garnier");
        _world.Directory.Add(@class);
        _world.Directory.Add(pupil);
        _world.Directory.Add(Enrolment.InClass(pupil.Id, @class, new DateRange(_world.Year.Dates.Begin, _world.Year.Dates.End)));
        return pupil;
    }

    private AccessDecision Evaluate(Person actor, Capability capability, AccessScope scope, Person? subject = null) =>
        _world.AccessControl().Evaluate(TestWorld.As(actor), capability, scope, subject?.Id);
}
