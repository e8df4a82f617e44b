using Ent.Plugins.PersonalisedLearning.Mastery;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Plugins.PersonalisedLearning.Tests.Skills;

public class SkillGraphTests
{
    private static Skill Skill(string name, params SkillId[] prerequisites) => new(SkillId.New(), name, [.. prerequisites], null, BktParameters.Default);

    [Fact]
    public void Each_skill_comes_after_its_prerequisites()
    {
        var fractions = new Fractions();

        var order = fractions.Graph.Skills.Select(s => s.Name).ToArray();

        Assert.Equal(["fractions équivalentes", "comparer des fractions", "additionner des fractions"], order);
    }

    [Fact]
    public void A_cycle_is_refused_naming_its_skills_in_order()
    {
        var equivalent = Skill("fractions équivalentes");
        var compare = Skill("comparer des fractions", equivalent.Id);
        var add = Skill("additionner des fractions", compare.Id);
        var graph = SkillGraph.Create([equivalent, compare, add]);

        var error = Assert.Throws<ArgumentException>(() => graph.With(equivalent with { Prerequisites = [add.Id] }));

        Assert.Contains("additionner des fractions → fractions équivalentes → comparer des fractions → additionner des fractions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skill_cannot_be_its_own_prerequisite()
    {
        var skill = Skill("proportionnalité");

        var error = Assert.Throws<ArgumentException>(() => SkillGraph.Create([skill with { Prerequisites = [skill.Id] }]));

        Assert.Contains("'proportionnalité' cannot be its own prerequisite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prerequisite_must_be_a_skill_of_the_school()
    {
        var stranger = SkillId.New();

        var error = Assert.Throws<ArgumentException>(() => SkillGraph.Create([Skill("pourcentages", stranger)]));

        Assert.Contains($"'pourcentages' needs the skill {stranger}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_skills_of_a_school_cannot_share_a_name()
    {
        var error = Assert.Throws<ArgumentException>(() => SkillGraph.Create([Skill("Pourcentages"), Skill("pourcentages")]));

        Assert.Contains("Two skills are named 'pourcentages'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_socle_component_must_be_one_of_the_eight()
    {
        var error = Assert.Throws<ArgumentException>(() => SkillGraph.Create([Skill("pourcentages") with { Socle = "D6" }]));

        Assert.Contains("'D6'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_socle_components_can_be_the_top_of_the_graph()
    {
        var fractions = new Fractions();

        Assert.All(fractions.Graph.Skills, s => Assert.Equal("D1.3", s.Socle));
        Assert.Empty(fractions.Graph.DependentIndexes[fractions.Graph.IndexOf(fractions.Add.Id)]);
    }
}
