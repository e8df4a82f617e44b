using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Storage.Events;

namespace Ent.Sdk.Analytics;

/// <summary>Usage figures computed from the stored event log (never from counters kept in memory), for the department's dashboard.</summary>
public interface IUsageAnalytics
{
    /// <summary>
    /// The use of a school or of the department over a range of days. Each person's events in a school count under the role
    /// they hold there during the range (a school role before a department one; head of school, department admin, school
    /// staff, teacher, pupil, parent, in that order, for a person holding several); a person without one is in every figure
    /// but the roles'.
    /// </summary>
    /// <param name="actor">Who asks: <see cref="Capabilities.ViewUsage"/> on the school, or on the department for the whole of it.</param>
    /// <param name="first">The first day counted, in the department's time zone.</param>
    /// <param name="last">The last day counted.</param>
    /// <param name="school">One school, or null for the department.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="AccessDeniedException">The actor may not read these figures.</exception>
    /// <exception cref="UnknownReferenceException">The school is not in the directory.</exception>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>, or the range is over 400 days.</exception>
    Task<UsageReport> ReportAsync(Actor actor, DateOnly first, DateOnly last, SchoolId? school = null, CancellationToken cancellationToken = default);
}

/// <summary>The report from the event log's counts: by school and actor for the range, by category for each week.</summary>
internal sealed class UsageAnalytics(IEventLog log, IOrganisationDirectory directory, IAccessControl access, TimeZoneInfo zone) : IUsageAnalytics
{
    private static readonly Role[] RoleOrder = [Role.HeadOfSchool, Role.DepartmentAdmin, Role.SchoolStaff, Role.Teacher, Role.Learner, Role.Parent];

    public async Task<UsageReport> ReportAsync(Actor actor, DateOnly first, DateOnly last, SchoolId? school = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (last < first || last.DayNumber - first.DayNumber > 400)
        {
            throw new ArgumentException($"A usage report covers 1 to 401 days; {first:yyyy-MM-dd} to {last:yyyy-MM-dd} is not such a range.", nameof(last));
        }

        // The scope from the directory, never from the caller: a school of another department is that department's.
        var scope = school is { } one
            ? AccessScope.OfSchool((directory.FindSchool(one) ?? throw new UnknownReferenceException("school", one.Value)).Department, one)
            : AccessScope.OfDepartment(actor.Department);
        access.Demand(actor, Capabilities.ViewUsage, scope);
        var query = new EventLogQuery(scope.Department) { School = school, From = Start(first), Until = Start(last.AddDays(1)) };
        var (overall, bySchool, byRole) = (UsageFigures.None, new Dictionary<SchoolId, UsageFigures>(), new Dictionary<Role, UsageFigures>());
        var roles = new Dictionary<(PersonId, SchoolId?), Role?>(); // a person's role in a school, looked up once for their categories
        foreach (var count in await log.CountByActorAsync(query, cancellationToken).ConfigureAwait(false))
        {
            overall = overall.Add(count.Category, count.Count);
            if (count.School is { } counted)
            {
                bySchool[counted] = bySchool.GetValueOrDefault(counted, UsageFigures.None).Add(count.Category, count.Count);
            }

            if (!roles.TryGetValue((count.Actor, count.School), out var held))
            {
                roles[(count.Actor, count.School)] = held = RoleOf(count.Actor, count.School, first, last);
            }

            if (held is { } role)
            {
                byRole[role] = byRole.GetValueOrDefault(role, UsageFigures.None).Add(count.Category, count.Count);
            }
        }

        var weeks = new List<UsageWeek>();
        for (var monday = SchoolTime.MondayOf(first); monday <= last; monday = monday.AddDays(7))
        {
            var (from, until) = (monday < first ? first : monday, monday.AddDays(6) > last ? last : monday.AddDays(6));
            var counts = await log.CountByCategoryAsync(query with { From = Start(from), Until = Start(until.AddDays(1)) }, cancellationToken).ConfigureAwait(false);
            weeks.Add(new UsageWeek(monday, UsageFigures.Of(counts)));
        }

        return new UsageReport(first, last, school, overall, bySchool, byRole, weeks);
    }

    /// <summary>The instant a day begins in the department's time zone.</summary>
    private DateTimeOffset Start(DateOnly day) => SchoolTime.At(day, TimeOnly.MinValue, zone);

    private Role? RoleOf(PersonId person, SchoolId? school, DateOnly first, DateOnly last) => directory.RolesOf(person)
        .Where(r => r.Validity.Begin <= last && (r.Validity.End is null || r.Validity.End >= first))
        .Where(r => r.Scope.School is null || r.Scope.School == school)
        .OrderBy(r => r.Scope.School is null) // a role in the school before a department-wide one
        .ThenBy(r => Array.IndexOf(RoleOrder, r.Role))
        .Select(r => (Role?)r.Role)
        .FirstOrDefault();
}
