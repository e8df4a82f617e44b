using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Text;

namespace Ent.Core.Tests.Courses;

public sealed class CourseTests
{
    [Fact]
    public void A_course_with_the_same_activity_twice_is_refused_naming_it()
    {
        var activity = Activity.Create("Lire", ActivityKind.Reading);

        var error = Assert.Throws<ArgumentException>(() => Course([activity, activity]));

        Assert.Contains("'Lire'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prerequisite_outside_the_course_is_refused()
    {
        var activity = Activity.Create("Quiz", ActivityKind.Quiz) with { Prerequisites = [ActivityId.New()] };

        Assert.Throws<ArgumentException>(() => Course([activity]));
    }

    [Fact]
    public void The_registry_holds_the_built_in_kinds_and_the_contributed_ones()
    {
        var lab = new ActivityKind("acme.lab", new LocalizedText("Laboratoire", "Lab"));

        var registry = new ActivityKindRegistry([lab]);

        Assert.True(registry.TryGet("quiz", out var quiz) && quiz.ProducesEvidence);
        Assert.True(registry.TryGet("acme.lab", out _));
        Assert.Equal(ActivityKind.BuiltIn.Count + 1, registry.All.Count);
    }

    [Fact]
    public void Two_kinds_with_the_same_id_are_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActivityKindRegistry([new ActivityKind("quiz", new LocalizedText("Autre quiz"))]));

        Assert.Contains("'quiz'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_kind_id_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActivityKind("Lab Work", new LocalizedText("Labo")));

        Assert.Contains("'Lab Work'", error.Message, StringComparison.Ordinal);
    }

    private static Course Course(Activity[] activities) =>
        new(CourseId.New(), SchoolId.New(), CourseAudience.ForClass(ClassId.New()), new Subject("X", "X"), "Cours", [new Sequence(SequenceId.New(), "S", [.. activities])]);
}
