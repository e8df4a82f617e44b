using Ent.Plugins.Attendance.Reasons;
using Ent.Plugins.Attendance.Statuses;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Attendance;

/// <summary>The department's statuses and reasons, looked up by code.</summary>
internal sealed class AttendanceRules
{
    private readonly Dictionary<string, AttendanceStatus> _statuses;
    private readonly Dictionary<string, AbsenceReason> _reasons;

    public AttendanceRules(IOptions<AttendanceOptions> options)
    {
        Options = options.Value;
        Statuses = Options.AllStatuses();
        Reasons = Options.AllReasons();
        _statuses = Statuses.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _reasons = Reasons.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    public AttendanceOptions Options { get; }

    public IReadOnlyList<AttendanceStatus> Statuses { get; }

    public IReadOnlyList<AbsenceReason> Reasons { get; }

    /// <summary>A status by code.</summary>
    /// <exception cref="ArgumentException">No such status; the message names it and the known ones.</exception>
    public AttendanceStatus Status(string code) => _statuses.TryGetValue(code, out var status)
        ? status
        : throw new ArgumentException($"'{code}' is not a status of this department ({string.Join(", ", _statuses.Keys)}).", nameof(code));

    /// <summary>The effect of a stored status; a status the department has since removed reads as absent, so that nothing is lost.</summary>
    public AttendanceEffect EffectOf(string code) => _statuses.TryGetValue(code, out var status) ? status.Effect : AttendanceEffect.Absent;

    /// <summary>A reason by code.</summary>
    /// <exception cref="ArgumentException">No such reason; the message names it.</exception>
    public AbsenceReason Reason(string code) => _reasons.TryGetValue(code, out var reason)
        ? reason
        : throw new ArgumentException($"'{code}' is not a reason of this department ({string.Join(", ", _reasons.Keys)}).", nameof(code));

    /// <summary>A stored reason, if the department still has it.</summary>
    public AbsenceReason? FindReason(string? code) => code is not null && _reasons.TryGetValue(code, out var reason) ? reason : null;

    /// <summary>Where an absence a declaration covers stands: justified once the school accepted a legitimate reason, unjustified when it refused it or the reason is not legitimate, awaiting while it is reviewed.</summary>
    /// <param name="state">The declaration's state.</param>
    /// <param name="reason">The declaration's reason.</param>
    public Absences.Justification StateOf(Declarations.DeclarationState state, string reason) => state switch
    {
        Declarations.DeclarationState.Accepted => FindReason(reason) is { Legitimate: true } ? Absences.Justification.Justified : Absences.Justification.Unjustified,
        Declarations.DeclarationState.Refused => Absences.Justification.Unjustified,
        _ => Absences.Justification.Awaiting,
    };

    /// <summary>Whether an absence with this reason counts in the half-days (no reason counts; a school trip does not).</summary>
    public bool Counts(string? reason) => FindReason(reason)?.OnReportCard ?? true;
}
