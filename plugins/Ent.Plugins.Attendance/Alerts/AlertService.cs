using System.Globalization;
using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Absences;
using Ent.Sdk.Operations;
using Ent.Sdk.Views;
using Ent.Storage.Documents;

namespace Ent.Plugins.Attendance.Alerts;

/// <summary>A school's alerts on the plugin's documents; the letter rendered from the overridable template <c>attendance/letter</c>.</summary>
internal sealed class AlertService(IOperations operations, IOrganisationDirectory directory, IViewRenderer views, AttendanceNames names) : IAttendanceAlerts
{
    /// <summary>The letter's template.</summary>
    public const string LetterTemplate = "attendance/letter";

    /// <inheritdoc />
    public async Task<IReadOnlyList<Alert>> OfSchoolAsync(Actor actor, SchoolId school, bool includeClosed = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await BeginAsync(actor, school, cancellationToken).ConfigureAwait(false);
        var alerts = work.Documents<AlertDocument>();
        var (open, sent) = await alerts.Where(a => a.School == school && a.State == AlertState.Open)
            .ListTogetherAsync(alerts.Where(a => a.School == school && a.State == AlertState.LetterSent), cancellationToken).ConfigureAwait(false);
        var closed = includeClosed ? await alerts.Where(a => a.School == school && a.State == AlertState.Closed).ListAsync(cancellationToken).ConfigureAwait(false) : [];
        return [.. open.Concat(sent).Concat(closed).OrderByDescending(a => a.RaisedAt).Select(names.ToAlert)];
    }

    /// <inheritdoc />
    public async Task<string> LetterAsync(Actor actor, AlertKey alert, string? language = null, CancellationToken cancellationToken = default)
    {
        var (model, scope) = await LetterModelAsync(actor, alert, language, cancellationToken).ConfigureAwait(false);
        return views.Render(LetterTemplate, model, scope, cancellationToken);
    }

    /// <summary>What the letter shows, and the scope (the school's overrides, the language) it is rendered in: the letter page shows the same.</summary>
    public async Task<(LetterModel Model, ViewScope Scope)> LetterModelAsync(Actor actor, AlertKey alert, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(alert);
        await using var work = await BeginAsync(actor, alert.School, cancellationToken).ConfigureAwait(false);
        var stored = await FindAsync(work, alert, cancellationToken).ConfigureAwait(false);
        var school = directory.SchoolOf(alert.School);
        var english = language is "en";
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "fr-FR");
        var pupil = directory.FindPerson(alert.Pupil);
        var model = new LetterModel(
            school.Name, school.Uai.Value, school.Address,
            pupil is null ? alert.Pupil.Value.ToString() : $"{pupil.GivenName} {pupil.FamilyName}",
            names.ToAlert(stored).ClassName ?? "",
            [.. directory.GuardiansOf(alert.Pupil).Select(g => directory.FindPerson(g)).OfType<Person>().Select(g => $"{g.GivenName} {g.FamilyName}")],
            HalfDays.FirstDayOf(alert.Month).ToString("MMMM yyyy", culture),
            work.Today.ToString("d MMMM yyyy", culture),
            stored.Kind == AlertKind.Lateness ? "lateness" : "absences",
            stored.Count, stored.Threshold);
        return (model, new ViewScope(school.Uai.Value, english ? "en" : "fr"));
    }

    /// <inheritdoc />
    public async Task<Alert> RecordLetterSentAsync(Actor actor, AlertKey alert, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(alert);
        if (string.IsNullOrWhiteSpace(channel) || channel.Trim().Length > 50)
        {
            throw new ArgumentException($"Say how the letter was sent in 1 to 50 characters; '{channel}' does not.", nameof(channel));
        }

        return await ChangeAsync(actor, alert, (a, work) => a with { State = a.State == AlertState.Closed ? AlertState.Closed : AlertState.LetterSent, LetterSentAt = work.Now, LetterSentBy = actor.Person, LetterChannel = channel.Trim() },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Alert> CloseAsync(Actor actor, AlertKey alert, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(alert);
        if (string.IsNullOrWhiteSpace(note) || note.Length > AttendanceDocuments.MaxNoteLength)
        {
            throw new ArgumentException($"An alert is closed with a note of 1 to {AttendanceDocuments.MaxNoteLength} characters (what was done).", nameof(note));
        }

        return await ChangeAsync(actor, alert, (a, work) => a with { State = AlertState.Closed, ClosedBy = actor.Person, ClosedAt = work.Now, Note = note.Trim() }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Alert> ChangeAsync(Actor actor, AlertKey alert, Func<AlertDocument, IUnitOfWork, AlertDocument> change, CancellationToken cancellationToken)
    {
        await using var work = await BeginAsync(actor, alert.School, cancellationToken).ConfigureAwait(false);
        var changed = change(await FindAsync(work, alert, cancellationToken).ConfigureAwait(false), work);
        work.Documents<AlertDocument>().Replace(changed);
        work.Publish(new AlertHandled(actor.Person, actor.Department, alert.School, work.Now, alert.Pupil, alert.Month, alert.Kind, changed.State));
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return names.ToAlert(changed);
    }

    private Task<IUnitOfWork> BeginAsync(Actor actor, SchoolId school, CancellationToken cancellationToken) =>
        operations.BeginAsync(actor, OperationTarget.OfSchool(school), AttendanceCapabilities.FollowUp, cancellationToken);

    private static async Task<AlertDocument> FindAsync(IUnitOfWork work, AlertKey key, CancellationToken cancellationToken) =>
        await work.Documents<AlertDocument>().FindAsync(a => a.School == key.School && a.Month == key.Month && a.Pupil == key.Pupil && a.Kind == key.Kind, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"The school has no {key.Kind} alert for the pupil {key.Pupil.Value} in {key.Month}.", nameof(key));
}

/// <summary>What the letter's template reads.</summary>
internal sealed record LetterModel(string School, string Uai, string? SchoolAddress, string Pupil, string ClassName, IReadOnlyList<string> Guardians, string Month, string Date, string Kind, int Count, int Threshold);
