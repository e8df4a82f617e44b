using Ent.Core.Identifiers;
using Ent.Core.Text;
using Ent.Plugins.Attendance.Reasons;
using Ent.Plugins.Attendance.Statuses;

namespace Ent.Plugins.Attendance;

/// <summary>
/// A department's attendance choices, from the host's configuration section <c>plugins:ent.attendance</c>, validated at start:
/// its own statuses beside the built-in ones, its list of reasons, and the thresholds schools start from.
/// </summary>
public sealed class AttendanceOptions
{
    /// <summary>The legal threshold of article L131-8: half-days missed in a calendar month without a legitimate reason.</summary>
    public const int NationalAbsenceThreshold = 4;

    /// <summary>The department's own statuses, offered after the built-in ones (present, absent, late, left early, exempt, off-site).</summary>
    public List<StatusOption> Statuses { get; } = [];

    /// <summary>The department's reasons; when empty, <see cref="AbsenceReason.Defaults"/>.</summary>
    public List<ReasonOption> Reasons { get; } = [];

    /// <summary>Half-days without a legitimate reason in a month that raise the alert, for a school that set none: the national 4 unless the department says otherwise.</summary>
    public int AbsenceThreshold { get; set; } = NationalAbsenceThreshold;

    /// <summary>Lateness in a month that raises an alert, for a school that set none (no national figure: 4 unless the department says otherwise).</summary>
    public int LatenessThreshold { get; set; } = 4;

    /// <summary>Whether families are told of an unjustified absence the day it is recorded (true).</summary>
    public bool NotifyFamilies { get; set; } = true;

    /// <summary>The statuses a roll call offers, built-in first.</summary>
    public IReadOnlyList<AttendanceStatus> AllStatuses() =>
        [.. AttendanceStatus.BuiltIn, .. Statuses.Select(s => new AttendanceStatus(s.Code, new LocalizedText(s.French, s.English), s.Effect))];

    /// <summary>The department's reasons.</summary>
    public IReadOnlyList<AbsenceReason> AllReasons() => Reasons.Count == 0
        ? AbsenceReason.Defaults
        : [.. Reasons.Select(r => new AbsenceReason(r.Code, new LocalizedText(r.French, r.English), r.Legitimate, r.NeedsProof, r.OnReportCard, r.ForFamilies))];

    /// <summary>Checks the options.</summary>
    /// <returns>The problems, each naming its value; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var codes = new HashSet<string>(AttendanceStatus.BuiltIn.Select(s => s.Code), StringComparer.Ordinal);
        foreach (var status in Statuses)
        {
            if (!StableId.IsValid(status.Code))
            {
                problems.Add($"AttendanceOptions.Statuses: '{status.Code}' is not a valid code (lower-case letters, digits, '.' and '-').");
            }
            else if (!codes.Add(status.Code))
            {
                problems.Add($"AttendanceOptions.Statuses: '{status.Code}' is there twice, or is a built-in status.");
            }

            if (string.IsNullOrWhiteSpace(status.French))
            {
                problems.Add($"AttendanceOptions.Statuses: '{status.Code}' has no French name.");
            }

            if (!Enum.IsDefined(status.Effect))
            {
                problems.Add($"AttendanceOptions.Statuses: '{status.Code}' has the effect {(int)status.Effect}, which is none of {string.Join(", ", Enum.GetNames<AttendanceEffect>())}.");
            }
        }

        var reasons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reason in Reasons)
        {
            if (!StableId.IsValid(reason.Code))
            {
                problems.Add($"AttendanceOptions.Reasons: '{reason.Code}' is not a valid code (lower-case letters, digits, '.' and '-').");
            }
            else if (!reasons.Add(reason.Code))
            {
                problems.Add($"AttendanceOptions.Reasons: '{reason.Code}' is there twice.");
            }

            if (string.IsNullOrWhiteSpace(reason.French))
            {
                problems.Add($"AttendanceOptions.Reasons: '{reason.Code}' has no French name.");
            }
        }

        CheckThreshold(problems, nameof(AbsenceThreshold), AbsenceThreshold);
        CheckThreshold(problems, nameof(LatenessThreshold), LatenessThreshold);
        return problems;
    }

    /// <summary>Checks a threshold: from 1 to 62 (every half-day of a month).</summary>
    internal static void CheckThreshold(List<string> problems, string name, int value)
    {
        if (value is < 1 or > 62)
        {
            problems.Add($"AttendanceOptions.{name}: {value} is outside 1–62 (the half-days of a month).");
        }
    }
}

/// <summary>A status the department adds.</summary>
public sealed class StatusOption
{
    /// <summary>Its stable id.</summary>
    public string Code { get; set; } = "";

    /// <summary>Its French name.</summary>
    public string French { get; set; } = "";

    /// <summary>Its English name (the French one when empty).</summary>
    public string? English { get; set; }

    /// <summary>What it means for the pupil's record.</summary>
    public AttendanceEffect Effect { get; set; } = AttendanceEffect.Excused;
}

/// <summary>A reason of the department's list.</summary>
public sealed class ReasonOption
{
    /// <summary>Its stable id.</summary>
    public string Code { get; set; } = "";

    /// <summary>Its French name.</summary>
    public string French { get; set; } = "";

    /// <summary>Its English name (the French one when empty).</summary>
    public string? English { get; set; }

    /// <summary>Legitimate under article L131-8.</summary>
    public bool Legitimate { get; set; }

    /// <summary>A proof is asked for.</summary>
    public bool NeedsProof { get; set; }

    /// <summary>Counted on the report card (true).</summary>
    public bool OnReportCard { get; set; } = true;

    /// <summary>Offered to families when they declare an absence (true).</summary>
    public bool ForFamilies { get; set; } = true;
}
