using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Plugins.Grading;

/// <summary>Who belongs to a class when, as the gradebook, report cards and the term close ask it.</summary>
internal static class ClassEnrolments
{
    /// <summary>Whether a pupil is enrolled in a class on a day (an unknown pupil is not).</summary>
    public static bool IsEnrolled(this IOrganisationDirectory directory, PersonId pupil, ClassId @class, DateOnly day) =>
        directory.EnrolmentsOf(pupil).Any(e => e.Class == @class && e.Validity.Contains(day));

    /// <summary>The pupils enrolled in a class on a day.</summary>
    public static IEnumerable<PersonId> PupilsOn(this IOrganisationDirectory directory, ClassId @class, DateOnly day) =>
        directory.EnrolmentsIn(@class).Where(e => e.Validity.Contains(day)).Select(e => e.Learner).Distinct();

    /// <summary>Whether a pupil is enrolled in a class at some time during a period.</summary>
    public static bool IsEnrolledDuring(this IOrganisationDirectory directory, PersonId pupil, ClassId @class, Period period) =>
        directory.EnrolmentsIn(@class).Any(e => e.Learner == pupil && During(e, period));

    /// <summary>The pupils enrolled in a class at some time during a period, each once.</summary>
    public static List<PersonId> PupilsDuring(this IOrganisationDirectory directory, ClassId @class, Period period) =>
        [.. directory.EnrolmentsIn(@class).Where(e => During(e, period)).Select(e => e.Learner).Distinct()];

    private static bool During(Enrolment enrolment, Period period) =>
        enrolment.Validity.Begin <= period.Last && (enrolment.Validity.End is null || enrolment.Validity.End >= period.First);
}
