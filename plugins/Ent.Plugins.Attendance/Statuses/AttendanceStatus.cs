using Ent.Core.Identifiers;
using Ent.Core.Text;

namespace Ent.Plugins.Attendance.Statuses;

/// <summary>What a status means for the pupil's record.</summary>
public enum AttendanceEffect
{
    /// <summary>In class.</summary>
    Present,

    /// <summary>Missed the session: an absence, counted in half-days.</summary>
    Absent,

    /// <summary>Came late (retard), with the minutes: counted as lateness, not as an absence.</summary>
    Late,

    /// <summary>Left before the end: an absence for the rest of the session.</summary>
    LeftEarly,

    /// <summary>Not in class with the school's leave (dispensé, sortie scolaire, stage): neither an absence nor lateness.</summary>
    Excused,
}

/// <summary>A status a roll call may give a pupil: the built-in ones, and those a department adds.</summary>
/// <param name="Code">A stable id (<c>absent</c>, <c>late</c>…).</param>
/// <param name="Label">Its name in French and English.</param>
/// <param name="Effect">What it means for the pupil's record.</param>
public sealed record AttendanceStatus(string Code, LocalizedText Label, AttendanceEffect Effect)
{
    /// <summary>Present (the default of every pupil of a roll call).</summary>
    public static AttendanceStatus Present { get; } = new("present", new LocalizedText("Présent", "Present"), AttendanceEffect.Present);

    /// <summary>Absent.</summary>
    public static AttendanceStatus Absent { get; } = new("absent", new LocalizedText("Absent", "Absent"), AttendanceEffect.Absent);

    /// <summary>Late, with the minutes.</summary>
    public static AttendanceStatus Late { get; } = new("late", new LocalizedText("En retard", "Late"), AttendanceEffect.Late);

    /// <summary>Left early, with the time.</summary>
    public static AttendanceStatus LeftEarly { get; } = new("left-early", new LocalizedText("Parti avant la fin", "Left early"), AttendanceEffect.LeftEarly);

    /// <summary>Exempt from the lesson (dispensé), e.g. of physical education.</summary>
    public static AttendanceStatus Exempt { get; } = new("exempt", new LocalizedText("Dispensé", "Exempt"), AttendanceEffect.Excused);

    /// <summary>Away with the school's leave: a school trip, a work placement (stage).</summary>
    public static AttendanceStatus OffSite { get; } = new("off-site", new LocalizedText("Sortie scolaire ou stage", "Off-site (school trip, placement)"), AttendanceEffect.Excused);

    /// <summary>The built-in statuses, in the order a roll call offers them.</summary>
    public static IReadOnlyList<AttendanceStatus> BuiltIn { get; } = [Present, Absent, Late, LeftEarly, Exempt, OffSite];

    /// <summary>The status's stable id, checked.</summary>
    public string Code { get; } = StableId.IsValid(Code) ? Code : throw new ArgumentException($"'{Code}' is not a valid status code: use lower-case letters, digits, '.' and '-'.", nameof(Code));
}
