using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Plugins.Attendance.Alerts;

/// <summary>
/// The alerts of a school (a task each in the CPE's list): the letter to the family prepared from the overridable template
/// <c>attendance/letter</c> (French, English), its sending recorded, the alert closed with a note. The school's staff and head only.
/// </summary>
public interface IAttendanceAlerts
{
    /// <summary>The school's alerts, newest first: those not closed, or all.</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="school">The school.</param>
    /// <param name="includeClosed">Whether closed alerts are listed too.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    Task<IReadOnlyList<Alert>> OfSchoolAsync(Actor actor, SchoolId school, bool includeClosed = false, CancellationToken cancellationToken = default);

    /// <summary>The letter to the pupil's family, ready to print or send.</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="language">The letter's language (<c>fr</c> unless <c>en</c>).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The letter as HTML.</returns>
    /// <exception cref="ArgumentException">No such alert; the message names it.</exception>
    Task<string> LetterAsync(Actor actor, AlertKey alert, string? language = null, CancellationToken cancellationToken = default);

    /// <summary>Records that the letter was sent, how, and by whom.</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="channel">How: <c>courrier</c>, <c>remise en main propre</c>, <c>e-mail</c>… (up to 50 characters).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The alert as it stands now.</returns>
    Task<Alert> RecordLetterSentAsync(Actor actor, AlertKey alert, string channel, CancellationToken cancellationToken = default);

    /// <summary>Closes an alert with a note (a meeting held, the absences justified after all).</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="note">The note, required.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The alert as it stands now.</returns>
    Task<Alert> CloseAsync(Actor actor, AlertKey alert, string note, CancellationToken cancellationToken = default);
}

/// <summary>Which alert: a pupil's month and kind at a school.</summary>
/// <param name="School">The school.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Month">The month, <c>yyyyMM</c>.</param>
/// <param name="Kind">Absences or lateness.</param>
public sealed record AlertKey(SchoolId School, PersonId Pupil, int Month, AlertKind Kind);

/// <summary>An alert as the CPE's list shows it.</summary>
/// <param name="Key">Which alert.</param>
/// <param name="Name">The pupil's family name then given name.</param>
/// <param name="ClassName">The pupil's class.</param>
/// <param name="Count">The half-days (or lateness) the month counts now.</param>
/// <param name="Threshold">The threshold it reached.</param>
/// <param name="RaisedAt">When.</param>
/// <param name="State">Where it stands.</param>
/// <param name="LetterSentAt">When the letter was sent.</param>
/// <param name="LetterSentBy">By whom.</param>
/// <param name="LetterChannel">How.</param>
/// <param name="Note">The note it was closed with.</param>
public sealed record Alert(AlertKey Key, string Name, string? ClassName, int Count, int Threshold, DateTimeOffset RaisedAt, AlertState State,
    DateTimeOffset? LetterSentAt, PersonId? LetterSentBy, string? LetterChannel, string? Note);
