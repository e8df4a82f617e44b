using Ent.Core.Access;

namespace Ent.Plugins.FlippedClassroom;

/// <summary>The flipped-classroom plugin's capabilities, granted to roles by the plugin.</summary>
public static class FlippedCapabilities
{
    /// <summary>
    /// Flip a course's timetable sessions and run them: write the resources, the readiness check and the exit ticket, read the class's
    /// readiness and plan, mark short answers, make groups, remind pupils: the course's teachers and the head of school.
    /// </summary>
    public static Capability Plan { get; } = new("ent.flipped-classroom.plan");

    /// <summary>Read the readiness dashboard of a school's week of flipped sessions: the head of school.</summary>
    public static Capability ViewSchool { get; } = new("ent.flipped-classroom.school.view");

    /// <summary>Prepare a flipped session and answer its checks: the pupil, for themself. Families are not given it: a teaching tool, not a sanction.</summary>
    public static Capability Prepare { get; } = new("ent.flipped-classroom.prepare");
}
