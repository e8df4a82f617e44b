using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Sdk.Operations;

namespace Ent.Samples.PrepareFirst;

/// <summary>
/// What the teacher reads before a session: each learner's preparation in a course. A public operation of the plugin:
/// the platform resolves the course's scope, checks that the plugin is on in its school today and that the actor may
/// view readiness there, before anything is read.
/// </summary>
/// <param name="operations">Opens the plugin's units of work.</param>
public sealed class ReadinessBoard(IOperations operations)
{
    /// <summary>The learners' preparation in a course, in the order of their ids.</summary>
    /// <param name="actor">The teacher (or head of school).</param>
    /// <param name="course">The course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="AccessDeniedException">The actor may not view readiness in the course.</exception>
    /// <exception cref="Ent.Sdk.Enablement.PluginDisabledException">The plugin is off in the course's school today.</exception>
    public async Task<IReadOnlyList<LearnerPreparation>> OfCourseAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default)
    {
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), PrepareFirstPlugin.ViewReadiness, cancellationToken).ConfigureAwait(false);
        return await work.Documents<LearnerPreparation>().Where(p => p.Course == course).ListAsync(cancellationToken).ConfigureAwait(false);
    }
}
