using Ent.Core.Access;

namespace Ent.Plugins.Attendance;

/// <summary>The attendance plugin's capabilities, granted to roles by the plugin.</summary>
public static class AttendanceCapabilities
{
    /// <summary>Take and correct the roll call of a session: its teacher (of the class or group), the school's staff (vie scolaire) and head.</summary>
    public static Capability TakeRollCall { get; } = new("ent.attendance.roll-call.take");

    /// <summary>Read pupils' attendance: teachers of their classes and groups, the school's staff and head, a pupil their own, a parent their children's.</summary>
    public static Capability ReadAttendance { get; } = new("ent.attendance.read");

    /// <summary>Follow the school's attendance (the CPE's work): justify absences, review families' declarations, alerts and letters, the school's thresholds.</summary>
    public static Capability FollowUp { get; } = new("ent.attendance.follow-up");

    /// <summary>Declare a pupil's absence ahead or after the fact: a parent for their children, the school's staff for any pupil of the school.</summary>
    public static Capability Declare { get; } = new("ent.attendance.declare");

    /// <summary>See the absenteeism indicator: a head of school for their school, the department's administrator for the department.</summary>
    public static Capability ViewIndicator { get; } = new("ent.attendance.indicator.view");

    /// <summary>Open "my attendance": a pupil their own record, a parent their children's.</summary>
    public static Capability OwnRecord { get; } = new("ent.attendance.own");
}
