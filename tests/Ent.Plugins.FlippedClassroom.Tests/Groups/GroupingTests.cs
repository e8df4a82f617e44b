using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Groups;

namespace Ent.Plugins.FlippedClassroom.Tests.Groups;

public class GroupingTests
{
    /// <summary>A class of 35 with levels spread from 0 to 1.</summary>
    internal static PupilLevel[] Class(int pupils = 35, int seed = 35)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, pupils).Select(_ => new PupilLevel(PersonId.New(), Math.Round(random.NextDouble(), 2)))];
    }

    private static GroupingRequest Request(GroupingMode mode, int size = 4, PupilPair[]? apart = null, PupilPair[]? together = null) =>
        new(mode, size, [.. apart ?? []], [.. together ?? []]);

    private static double LevelOf(PupilLevel[] pupils, PersonId pupil) => pupils.Single(p => p.Pupil == pupil).Level;

    [Fact]
    public void Every_pupil_is_in_one_group_and_sizes_differ_by_one_at_most()
    {
        var pupils = Class();

        var groups = Grouping.Make(pupils, Request(GroupingMode.Mixed)).Groups;

        Assert.Equal(9, groups.Length); // 35 pupils in groups of 4: 9 groups of 3 or 4
        Assert.Equal(pupils.Select(p => p.Pupil.Value).Order(), groups.SelectMany(g => g).Select(p => p.Value).Order());
        Assert.InRange(groups.Max(g => g.Length) - groups.Min(g => g.Length), 0, 1);
    }

    [Fact]
    public void Homogeneous_groups_keep_levels_close_and_mixed_groups_alike()
    {
        var pupils = Class();

        var homogeneous = Grouping.Make(pupils, Request(GroupingMode.Homogeneous)).Groups;
        var mixed = Grouping.Make(pupils, Request(GroupingMode.Mixed)).Groups;

        double Range(System.Collections.Immutable.ImmutableArray<PersonId> g) => g.Max(p => LevelOf(pupils, p)) - g.Min(p => LevelOf(pupils, p));
        double Mean(System.Collections.Immutable.ImmutableArray<PersonId> g) => g.Average(p => LevelOf(pupils, p));
        Assert.True(homogeneous.Average(Range) < mixed.Average(Range), "homogeneous groups spread less within");
        Assert.True(mixed.Max(Mean) - mixed.Min(Mean) < homogeneous.Max(Mean) - homogeneous.Min(Mean), "mixed groups' means are closer");
        Assert.True(mixed.Max(Mean) - mixed.Min(Mean) < 0.15);
    }

    [Fact]
    public void Two_pupils_kept_apart_are_never_in_one_group()
    {
        var pupils = Class();
        var (a, b) = (pupils[0].Pupil, pupils[1].Pupil);
        pupils[1] = pupils[1] with { Level = pupils[0].Level }; // alike: homogeneous grouping would put them together

        var result = Grouping.Make(pupils, Request(GroupingMode.Homogeneous, apart: [new(a, b)]));

        Assert.DoesNotContain(result.Groups, g => g.Contains(a) && g.Contains(b));
        Assert.Empty(result.Unmet);
    }

    [Fact]
    public void A_pupil_with_their_helper_are_in_one_group()
    {
        var pupils = Class();
        var (weakest, strongest) = (pupils.MinBy(p => p.Level).Pupil, pupils.MaxBy(p => p.Level).Pupil);

        var result = Grouping.Make(pupils, Request(GroupingMode.Homogeneous, together: [new(weakest, strongest)]));

        Assert.Contains(result.Groups, g => g.Contains(weakest) && g.Contains(strongest));
        Assert.Empty(result.Unmet);
    }

    [Fact]
    public void Constraints_that_cannot_all_be_met_are_reported()
    {
        var pupils = Class(6);
        var p = pupils.Select(x => x.Pupil).ToArray();

        var result = Grouping.Make(pupils, Request(GroupingMode.Mixed, size: 2, together: [new(p[0], p[1]), new(p[1], p[2])])); // three together in groups of two

        Assert.NotEmpty(result.Unmet);
    }

    [Fact]
    public void The_same_pupils_and_request_give_the_same_groups()
    {
        var pupils = Class();

        Assert.Equal(
            Grouping.Make(pupils, Request(GroupingMode.Mixed, 5)).Groups.Select(g => string.Join(",", g)),
            Grouping.Make(pupils, Request(GroupingMode.Mixed, 5)).Groups.Select(g => string.Join(",", g)));
    }

    [Fact]
    public void A_size_outside_two_to_ten_or_a_stranger_in_a_constraint_is_refused_naming_it()
    {
        var pupils = Class(8);
        var stranger = PersonId.New();

        Assert.Contains("12 is not that", Assert.Throws<ArgumentException>(() => Grouping.Make(pupils, Request(GroupingMode.Mixed, 12))).Message, StringComparison.Ordinal);
        Assert.Contains(stranger.Value.ToString(), Assert.Throws<ArgumentException>(() => Grouping.Make(pupils, Request(GroupingMode.Mixed, apart: [new(pupils[0].Pupil, stranger)]))).Message, StringComparison.Ordinal);
    }
}
