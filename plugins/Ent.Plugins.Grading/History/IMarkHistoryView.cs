using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Sdk.Views;

namespace Ent.Plugins.Grading.History;

/// <summary>
/// A pupil's mark history in a course shown to a reader: every creation, change and deletion of a mark with who,
/// when, before, after and why, rendered from the overridable template <c>grading/mark-history</c>. The reader's
/// rights are those of <see cref="Gradebook.IGradebook.HistoryOfAsync(Actor, PersonId, CourseId, CancellationToken)"/>.
/// </summary>
public interface IMarkHistoryView
{
    /// <summary>The page's content.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read this pupil's marks.</exception>
    Task<MarkHistoryPage> ForPupilAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default);

    /// <summary>The page rendered to HTML (in the school's language unless a scope says otherwise).</summary>
    /// <exception cref="AccessDeniedException">The actor may not read this pupil's marks.</exception>
    Task<string> RenderAsync(Actor actor, PersonId pupil, CourseId course, ViewScope? scope = null, CancellationToken cancellationToken = default);
}
