using Ent.Core.Access;
using Ent.Core.Events;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>The rights-checking roster over an <see cref="IOrganisationDirectory"/>.</summary>
/// <param name="directory">The directory.</param>
/// <param name="access">The access control.</param>
/// <param name="events">Where events are published.</param>
/// <param name="time">The clock.</param>
internal sealed class Roster(IOrganisationDirectory directory, IAccessControl access, IDomainEventPublisher events, TimeProvider time) : IRoster
{
    /// <inheritdoc />
    public Person GetPerson(Actor actor, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = directory.FindPerson(person) ?? throw new UnknownReferenceException("person", person.Value);
        var scopes = ScopesOf(found).ToList();
        foreach (var scope in scopes)
        {
            if (access.Evaluate(actor, Capabilities.ViewPerson, scope, person).Allowed)
            {
                return found;
            }
        }

        // None allowed: refuse with the reason given for the person's department.
        access.Demand(actor, Capabilities.ViewPerson, scopes[^1], person);
        return found;
    }

    /// <inheritdoc />
    public IReadOnlyList<Person> LearnersOf(Actor actor, ClassId @class, DateOnly day)
    {
        access.Demand(actor, Capabilities.ViewEnrolments, directory.ScopeOf(@class));
        return directory.EnrolmentsIn(@class)
            .Where(e => e.Validity.Contains(day))
            .Select(e => directory.FindPerson(e.Learner)!)
            .OrderBy(p => p.FamilyName, StringComparer.CurrentCulture)
            .ThenBy(p => p.GivenName, StringComparer.CurrentCulture)
            .ToArray();
    }

    /// <inheritdoc />
    public async Task EnrolAsync(Actor actor, Enrolment enrolment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(enrolment);
        var scope = enrolment.Class is { } c ? directory.ScopeOf(c) : directory.ScopeOf(enrolment.Group!.Value);
        // The learner is not inside the class before being enrolled: the right is checked on the class, and the learner
        // must be a person of the actor's department.
        access.Demand(actor, Capabilities.ManageRoster, scope);
        if (directory.FindPerson(enrolment.Learner) is not { } learner || learner.Department != actor.Department)
        {
            throw new UnknownReferenceException("person", enrolment.Learner.Value);
        }

        directory.Add(enrolment);
        await events.PublishAsync(new LearnerEnrolled(actor.Person, scope.Department, enrolment.School, time.GetUtcNow(), enrolment), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task EnrolAsync(Actor actor, IReadOnlyList<Enrolment> enrolments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(enrolments);
        var scopes = new Dictionary<Guid, AccessScope>();
        foreach (var enrolment in enrolments)
        {
            ArgumentNullException.ThrowIfNull(enrolment, nameof(enrolments));
            var cohort = enrolment.Class?.Value ?? enrolment.Group!.Value.Value;
            if (!scopes.ContainsKey(cohort))
            {
                var scope = enrolment.Class is { } c ? directory.ScopeOf(c) : directory.ScopeOf(enrolment.Group!.Value);
                access.Demand(actor, Capabilities.ManageRoster, scope);
                scopes[cohort] = scope;
            }

            if (directory.FindPerson(enrolment.Learner) is not { } learner || learner.Department != actor.Department)
            {
                throw new UnknownReferenceException("person", enrolment.Learner.Value);
            }
        }

        directory.Import(new DirectoryImport(actor.Department) { Enrolments = enrolments });
        var now = time.GetUtcNow();
        foreach (var enrolment in enrolments)
        {
            await events.PublishAsync(new LearnerEnrolled(actor.Person, actor.Department, enrolment.School, now, enrolment), cancellationToken).ConfigureAwait(false);
        }
    }

    private IEnumerable<AccessScope> ScopesOf(Person person)
    {
        foreach (var enrolment in directory.EnrolmentsOf(person.Id))
        {
            yield return enrolment.Class is { } c ? directory.ScopeOf(c) : directory.ScopeOf(enrolment.Group!.Value);
        }

        foreach (var role in directory.RolesOf(person.Id))
        {
            yield return role.Scope;
        }

        yield return AccessScope.OfDepartment(person.Department);
    }
}
