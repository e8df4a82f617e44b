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
    public async Task<MarkHistoryPage> ForPupilAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default) =>
        (await PageAsync(actor, pupil, course, cancellationToken).ConfigureAwait(false)).Page;

    /// <inheritdoc />
    public async Task<string> RenderAsync(Actor actor, PersonId pupil, CourseId course, ViewScope? scope = null, CancellationToken cancellationToken = default)
    {
        var (page, uai) = await PageAsync(actor, pupil, course, cancellationToken).ConfigureAwait(false);
        return views.Render(Template, page, scope ?? new ViewScope(uai), cancellationToken);
    }

    private async Task<(MarkHistoryPage Page, string Uai)> PageAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entries = await gradebook.HistoryOfAsync(actor, pupil, course, cancellationToken).ConfigureAwait(false); // checks the reader's rights
        var found = await courses.FindAsync(actor.Department, course, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("course", course.Value);
        var school = directory.SchoolOf(found.School);
        var page = new MarkHistoryPage(
            school.Name,
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
        return (page, school.Uai.Value);
    }

    private string NameOf(PersonId person) => directory.FullNameOf(person);

    /// <summary>A stored value (points written invariantly, or a code's name) as the page shows it.</summary>
    private static MarkValue? ValueOf(string? stored) =>
        stored is null ? null
        : decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var points) ? new MarkValue(points, null)
        : new MarkValue(null, stored);
}
