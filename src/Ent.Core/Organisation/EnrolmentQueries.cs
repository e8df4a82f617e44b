using Ent.Core.Calendar;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>Who belongs to a class when: the questions a gradebook, report cards, a roll call or a term close ask the directory.</summary>
public static class EnrolmentQueries
{
    /// <summary>Whether a pupil is enrolled in a class on a day (an unknown pupil is not).</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="class">The class.</param>
    /// <param name="day">The day.</param>
    public static bool IsEnrolled(this IOrganisationDirectory directory, PersonId pupil, ClassId @class, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory.EnrolmentsOf(pupil).Any(e => e.Class == @class && e.Validity.Contains(day));
    }

    /// <summary>The pupils enrolled in a class on a day, each once.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="class">The class.</param>
    /// <param name="day">The day.</param>
    public static IEnumerable<PersonId> PupilsOn(this IOrganisationDirectory directory, ClassId @class, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory.EnrolmentsIn(@class).Where(e => e.Validity.Contains(day)).Select(e => e.Learner).Distinct();
    }

    /// <summary>The pupils enrolled in a group on a day, each once.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="group">The group.</param>
    /// <param name="day">The day.</param>
    public static IEnumerable<PersonId> PupilsOn(this IOrganisationDirectory directory, GroupId group, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory.EnrolmentsIn(group).Where(e => e.Validity.Contains(day)).Select(e => e.Learner).Distinct();
    }

    /// <summary>The pupils of a course's or a session's audience (its class or its group) on a day, each once.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="audience">The class or the group.</param>
    /// <param name="day">The day.</param>
    public static IEnumerable<PersonId> PupilsOn(this IOrganisationDirectory directory, Courses.CourseAudience audience, DateOnly day) =>
        audience.Class is { } @class ? directory.PupilsOn(@class, day) : directory.PupilsOn(audience.Group!.Value, day);

    /// <summary>The class a pupil is in on a day; null when they are in none (not yet arrived, or gone).</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="day">The day.</param>
    public static ClassId? ClassOn(this IOrganisationDirectory directory, PersonId pupil, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (var enrolment in directory.EnrolmentsOf(pupil))
        {
            if (enrolment.Class is { } @class && enrolment.Validity.Contains(day))
            {
                return @class;
            }
        }

        return null;
    }

    /// <summary>Whether a pupil is enrolled in a class at some time during a period.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="class">The class.</param>
    /// <param name="period">The period.</param>
    public static bool IsEnrolledDuring(this IOrganisationDirectory directory, PersonId pupil, ClassId @class, Period period)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(period);
        return directory.EnrolmentsIn(@class).Any(e => e.Learner == pupil && During(e, period));
    }

    /// <summary>The pupils enrolled in a class at some time during a period, each once, in the order they were enrolled.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="class">The class.</param>
    /// <param name="period">The period.</param>
    public static IReadOnlyList<PersonId> PupilsDuring(this IOrganisationDirectory directory, ClassId @class, Period period)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(period);
        return [.. directory.EnrolmentsIn(@class).Where(e => During(e, period)).Select(e => e.Learner).Distinct()];
    }

    private static bool During(Enrolment enrolment, Period period) =>
        enrolment.Validity.Begin <= period.Last && (enrolment.Validity.End is null || enrolment.Validity.End >= period.First);
}
