using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Tests.Organisation;

/// <summary>Who belongs to a class on a day and during a period, from the directory's enrolments.</summary>
public sealed class EnrolmentQueriesTests
{
    private readonly TestWorld _world = new();

    /// <summary>A pupil who joins 5e B from 4e A in the middle of the first trimester (2026-10-15).</summary>
    private Person Newcomer()
    {
        var newcomer = new Person(PersonId.New(), _world.Department.Id, "Inès", "Roux");
        _world.Directory.Add(newcomer);
        _world.Directory.Add(Enrolment.InClass(newcomer.Id, _world.Class4A, new DateRange(_world.Year.Dates.Begin, new DateOnly(2026, 10, 14))));
        _world.Directory.Add(Enrolment.InClass(newcomer.Id, _world.Class5B, new DateRange(new DateOnly(2026, 10, 15), _world.Year.Dates.End)));
        return newcomer;
    }

    [Fact]
    public void A_pupil_is_enrolled_in_a_class_from_the_day_they_join_it()
    {
        var newcomer = Newcomer();

        Assert.False(_world.Directory.IsEnrolled(newcomer.Id, _world.Class5B.Id, new DateOnly(2026, 10, 14)));
        Assert.True(_world.Directory.IsEnrolled(newcomer.Id, _world.Class5B.Id, new DateOnly(2026, 10, 15)));
        Assert.False(_world.Directory.IsEnrolled(PersonId.New(), _world.Class5B.Id, new DateOnly(2026, 10, 15))); // unknown
    }

    [Fact]
    public void The_pupils_on_a_day_are_those_enrolled_that_day()
    {
        var newcomer = Newcomer();

        Assert.DoesNotContain(newcomer.Id, _world.Directory.PupilsOn(_world.Class5B.Id, new DateOnly(2026, 10, 1)));
        Assert.Equal([_world.Learner.Id, _world.Classmate.Id, newcomer.Id], _world.Directory.PupilsOn(_world.Class5B.Id, new DateOnly(2026, 11, 2)).ToArray());
    }

    [Fact]
    public void A_pupil_who_changed_class_during_a_period_belongs_to_both_classes_during_it_and_to_one_after()
    {
        var newcomer = Newcomer();
        var (first, second) = (_world.Year.Periods[0], _world.Year.Periods[1]);

        Assert.True(_world.Directory.IsEnrolledDuring(newcomer.Id, _world.Class4A.Id, first));
        Assert.True(_world.Directory.IsEnrolledDuring(newcomer.Id, _world.Class5B.Id, first));
        Assert.False(_world.Directory.IsEnrolledDuring(newcomer.Id, _world.Class4A.Id, second));
        Assert.Equal([_world.LearnerOf4A.Id, newcomer.Id], _world.Directory.PupilsDuring(_world.Class4A.Id, first));
        Assert.Equal([_world.LearnerOf4A.Id], _world.Directory.PupilsDuring(_world.Class4A.Id, second));
    }
}
