using Ent.Core.Identifiers;

namespace Ent.Plugins.Attendance.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>Half-days missed in a month without a legitimate reason reached the school's threshold (article L131-8: 4).</summary>
    Absences,

    /// <summary>Lateness in a month reached the school's threshold.</summary>
    Lateness,
}

/// <summary>Where an alert stands in the CPE's list.</summary>
public enum AlertState
{
    /// <summary>Raised; nothing done yet.</summary>
    Open,

    /// <summary>The letter to the family was sent (and recorded).</summary>
    LetterSent,

    /// <summary>Dealt with (a meeting held, the absences justified after all), with a note.</summary>
    Closed,
}

/// <summary>
/// An alert raised for a pupil's month: the count that reached the threshold, and what the school did (the letter sent, how, by whom;
/// closed with a note). One per pupil, month and kind: the count goes on being updated while it is open.
/// </summary>
internal sealed record AlertDocument(
    SchoolId School, int Month, PersonId Pupil, AlertKind Kind, int Count, int Threshold, DateTimeOffset RaisedAt, AlertState State,
    DateTimeOffset? LetterSentAt, PersonId? LetterSentBy, string? LetterChannel, PersonId? ClosedBy, DateTimeOffset? ClosedAt, string? Note);

/// <summary>A school's own thresholds, set by its head or staff.</summary>
internal sealed record SchoolSettingsDocument(SchoolId School, int AbsenceThreshold, int LatenessThreshold, PersonId SetBy, DateTimeOffset SetAt);
