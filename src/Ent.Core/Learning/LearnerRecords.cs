using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Organisation;
using Ent.Core.Events;
using Ent.Core.Identifiers;

namespace Ent.Core.Learning;

/// <summary>The rights-checking learner records over an <see cref="IProgressStore"/>.</summary>
/// <param name="directory">The directory, for scopes and enrolments.</param>
/// <param name="courses">The course catalog.</param>
/// <param name="store">Where progress is kept.</param>
/// <param name="access">The access control.</param>
/// <param name="events">Where events are published.</param>
/// <param name="time">The clock.</param>
/// <param name="zone">The department's time zone, which tells on which day an enrolment is checked.</param>
internal sealed class LearnerRecords(IOrganisationDirectory directory, ICourseCatalog courses, IProgressStore store, IAccessControl access, IDomainEventPublisher events, TimeProvider time, TimeZoneInfo zone) : ILearnerRecords
{
    /// <inheritdoc />
    public async Task<ActivityProgress> RecordAsync(Actor actor, CourseId course, ActivityId activity, PersonId learner, CompletionStatus status, Evidence? evidence = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await courses.FindAsync(actor.Department, course, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("course", course.Value);
        var scope = directory.ScopeOf(found);
        access.Demand(actor, Capabilities.RecordLearnerProgress, scope, learner);
        if (!found.Activities.Any(a => a.Id == activity))
        {
            throw new ArgumentException($"Activity {activity.Value} is not in course '{found.Title}'.", nameof(activity));
        }

        var now = time.GetUtcNow();
        var today = SchoolTime.Today(time, zone);
        var enrolled = directory.EnrolmentsOf(learner).Any(e => e.Validity.Contains(today)
            && (found.Audience.Class is { } c ? e.Class == c : e.Group == found.Audience.Group));
        if (!enrolled)
        {
            throw new ArgumentException($"Learner {learner.Value} is not enrolled on {today:yyyy-MM-dd} in the class or group of course '{found.Title}'.", nameof(learner));
        }

        var progress = await store.UpdateAsync(scope.Department, learner, activity,
            previous => new ActivityProgress(learner, activity, status, now, evidence is null ? previous?.Evidence ?? [] : (previous?.Evidence ?? []).Add(evidence)),
            cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new ActivityProgressRecorded(actor.Person, scope.Department, found.School, now, course, progress), cancellationToken).ConfigureAwait(false);
        return progress;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<ActivityId, ActivityProgress>> ProgressOfAsync(Actor actor, CourseId course, PersonId learner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await courses.FindAsync(actor.Department, course, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("course", course.Value);
        var scope = directory.ScopeOf(found);
        access.Demand(actor, Capabilities.ViewLearnerProgress, scope, learner);
        return await store.FindAllAsync(scope.Department, learner, found.Activities.Select(a => a.Id), cancellationToken).ConfigureAwait(false);
    }
}
