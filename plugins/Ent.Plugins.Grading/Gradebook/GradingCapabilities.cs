using Ent.Core.Access;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>The grading plugin's capabilities, granted to roles by the plugin.</summary>
public static class GradingCapabilities
{
    /// <summary>Create assessments and record marks: teachers in the courses (classes and subjects) they teach, the head of school.</summary>
    public static Capability WriteMarks { get; } = new("ent.grading.marks.write");

    /// <summary>Read marks: teachers and the head of school in their scope, a pupil their own (published), a parent their children's (published).</summary>
    public static Capability ReadMarks { get; } = new("ent.grading.marks.read");

    /// <summary>See an assessment's class figures: its teachers and the head of school, and once published the class's pupils and their parents (who must also read one of its pupils' marks).</summary>
    public static Capability ViewStatistics { get; } = new("ent.grading.statistics.view");

    /// <summary>Open "my marks": a pupil their own, a parent their children's (the marks themselves are read with <see cref="ReadMarks"/>).</summary>
    public static Capability OwnMarks { get; } = new("ent.grading.marks.own");

    /// <summary>Close a period for a class after its class council, and change marks of a closed period with a reason: the head of school.</summary>
    public static Capability ClosePeriods { get; } = new("ent.grading.periods.close");
}
