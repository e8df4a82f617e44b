using System.Globalization;
using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Views;

namespace Ent.Plugins.Grading.History;

/// <summary>Reads the history through the gradebook (which checks the reader's rights) and renders it.</summary>
internal sealed class MarkHistoryView(IGradebook gradebook, IOrganisationDirectory directory, ICourseCatalog courses, IViewRenderer views, TimeZoneInfo zone) : IMarkHistoryView
{
    /// <summary>The template's name.</summary>
    public const string Template = "grading/mark-history";

    /// <inheritdoc />
    public async Task<MarkHistoryPage> ForPupilAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entries = await gradebook.HistoryOfAsync(actor, pupil, course, cancellationToken).ConfigureAwait(false);
        var found = await courses.FindAsync(actor.Department, course, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("course", course.Value);
        return new MarkHistoryPage(
            directory.SchoolOf(found.School).Name,
            NameOf(pupil),
            found.Subject.Name,
            found.Title,
            [.. entries.Select(e => new MarkHistoryLine(
                e.Assessment.Title,
                e.Assessment.Date,
                e.Assessment.Scale,
                TimeZoneInfo.ConvertTime(e.Change.At, zone).DateTime,
                NameOf(e.Change.Actor),
                ValueOf(e.Change.OldValue),
                ValueOf(e.Change.NewValue),
                e.Change.Reason))]);
    }

    /// <inheritdoc />
    public async Task<string> RenderAsync(Actor actor, PersonId pupil, CourseId course, ViewScope? scope = null, CancellationToken cancellationToken = default)
    {
        var page = await ForPupilAsync(actor, pupil, course, cancellationToken).ConfigureAwait(false);
        if (scope is null)
        {
            var found = await courses.FindAsync(actor.Department, course, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("course", course.Value);
            scope = new ViewScope(directory.SchoolOf(found.School).Uai.Value);
        }

        return views.Render(Template, page, scope, cancellationToken);
    }

    private string NameOf(PersonId person) => directory.FindPerson(person) is { } found ? $"{found.GivenName} {found.FamilyName}" : person.Value.ToString();

    /// <summary>A stored value (points written invariantly, or a code's name) as the page shows it.</summary>
    private static MarkValue? ValueOf(string? stored) =>
        stored is null ? null
        : decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var points) ? new MarkValue(points, null)
        : new MarkValue(null, stored);
}
