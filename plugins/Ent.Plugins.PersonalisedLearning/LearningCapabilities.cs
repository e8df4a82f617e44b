using Ent.Core.Access;

namespace Ent.Plugins.PersonalisedLearning;

/// <summary>The personalised-learning plugin's capabilities, granted to roles by the plugin.</summary>
public static class LearningCapabilities
{
    /// <summary>See a pupil's path and mastery: the pupil their own, a parent their children's, the teachers of the course and the head of school any pupil's.</summary>
    public static Capability ReadPath { get; } = new("ent.personalised-learning.path.read");

    /// <summary>Work through a path (answer its activities, choose among equivalent ones): the pupil for themself, a teacher of the course for a pupil.</summary>
    public static Capability WorkPath { get; } = new("ent.personalised-learning.path.work");

    /// <summary>See a class's mastery map, who is stuck and the suggested groups: the course's teachers and the head of school.</summary>
    public static Capability ViewClass { get; } = new("ent.personalised-learning.class.view");

    /// <summary>Design a course's path (skills, prerequisites, links, gates, ranges, parameters) and decide for pupils (pin, skip, assign): the course's teachers and the head of school.</summary>
    public static Capability Design { get; } = new("ent.personalised-learning.design");

    /// <summary>Open "my paths": a pupil their own, a parent their children's.</summary>
    public static Capability OwnPath { get; } = new("ent.personalised-learning.own");

    /// <summary>Set a pupil's accessibility profile: the pupil, a parent, the school's staff and head.</summary>
    public static Capability SetProfile { get; } = new("ent.personalised-learning.profile.set");
}
