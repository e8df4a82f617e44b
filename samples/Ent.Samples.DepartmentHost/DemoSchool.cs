using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Organisation;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Samples.DepartmentHost;

/// <summary>
/// A demonstration class, seeded into the department's first school: a teacher, three pupils, a
/// flipped-classroom course on fractions, and some progress recorded through the rights-checked services.
/// </summary>
internal sealed class DemoSchool
{
    private DemoSchool(School school, SchoolClass @class, Course course, Person teacher, ImmutableArray<Person> learners)
    {
        School = school;
        Class = @class;
        Course = course;
        Teacher = teacher;
        Learners = learners;
    }

    public School School { get; }

    public SchoolClass Class { get; }

    public Course Course { get; }

    public Person Teacher { get; }

    public ImmutableArray<Person> Learners { get; }

    /// <summary>Seeds the department, its schools and the demo class.</summary>
    public static async Task<DemoSchool> SeedAsync(IServiceProvider services, Department department, IReadOnlyList<School> schools, TimeProvider time)
    {
        var directory = services.GetRequiredService<IOrganisationDirectory>();
        directory.Add(department);
        foreach (var each in schools)
        {
            directory.Add(each);
        }

        var today = SchoolTime.Today(time, services.GetRequiredService<TimeZoneInfo>());
        var firstYear = today.Month >= 9 ? today.Year : today.Year - 1;
        var year = AcademicYear.WithTrimesters($"{firstYear}-{firstYear + 1}", new(firstYear, 9, 1), new(firstYear, 12, 1), new(firstYear + 1, 3, 8), new(firstYear + 1, 7, 4));
        var schoolYear = new DateRange(year.Dates.Begin, year.Dates.End);
        var school = schools[0];
        var @class = new SchoolClass(ClassId.New(), school.Id, year.Id, "5e B");
        directory.Add(@class);
        var classScope = AccessScope.OfClass(department.Id, school.Id, @class.Id);

        var teacher = AddPerson(directory, department, "Marie", "Curie", Role.Teacher, classScope, schoolYear);
        var learners = ImmutableArray.Create(
            AddPerson(directory, department, "Lina", "Benali", Role.Learner, classScope, schoolYear),
            AddPerson(directory, department, "Hugo", "Martin", Role.Learner, classScope, schoolYear),
            AddPerson(directory, department, "Inès", "Diallo", Role.Learner, classScope, schoolYear));
        var staff = AddPerson(directory, department, "Paul", "Lefèvre", Role.SchoolStaff, AccessScope.OfSchool(department.Id, school.Id), schoolYear);
        var roster = services.GetRequiredService<IRoster>();
        foreach (var learner in learners)
        {
            await roster.EnrolAsync(new Actor(staff.Id, department.Id), Enrolment.InClass(learner.Id, @class, schoolYear)).ConfigureAwait(false);
        }

        var kinds = services.GetRequiredService<IActivityKindRegistry>();
        var readinessKind = kinds.TryGet("sample.flipped-classroom.readiness-quiz", out var contributed) ? contributed : ActivityKind.Quiz;
        ImmutableArray<Activity> activities =
        [
            Activity.Create("Vidéo : qu'est-ce qu'une fraction ?", ActivityKind.Video),
            Activity.Create("Lecture : fractions et partages", ActivityKind.Reading),
            Activity.Create("Quiz de préparation", readinessKind),
            Activity.Create("Atelier en groupes : comparer des fractions", ActivityKind.InClassSession),
            Activity.Create("Exercices d'entraînement", ActivityKind.Exercise),
        ];
        var course = new Course(CourseId.New(), school.Id, CourseAudience.ForClass(@class.Id), new Subject("MATHS", "Mathématiques"), "Les fractions",
            [new Sequence(SequenceId.New(), "Séquence 3 : les fractions", activities)]);
        services.GetRequiredService<ICourseCatalog>().Save(course);

        // Progress, recorded by the pupils themselves and by their teacher, through the rights-checked service.
        var records = services.GetRequiredService<ILearnerRecords>();
        var (lina, hugo, ines) = (learners[0], learners[1], learners[2]);
        await records.RecordAsync(As(lina), course.Id, activities[0].Id, lina.Id, CompletionStatus.Completed).ConfigureAwait(false);
        await records.RecordAsync(As(lina), course.Id, activities[2].Id, lina.Id, CompletionStatus.Completed, new ScoreEvidence(new Score(4, 10))).ConfigureAwait(false);
        await records.RecordAsync(As(ines), course.Id, activities[0].Id, ines.Id, CompletionStatus.Completed).ConfigureAwait(false);
        await records.RecordAsync(As(ines), course.Id, activities[1].Id, ines.Id, CompletionStatus.Completed).ConfigureAwait(false);
        await records.RecordAsync(As(teacher), course.Id, activities[2].Id, ines.Id, CompletionStatus.Completed, new ScoreEvidence(new Score(9, 10))).ConfigureAwait(false);
        await records.RecordAsync(As(hugo), course.Id, activities[0].Id, hugo.Id, CompletionStatus.InProgress).ConfigureAwait(false);
        return new DemoSchool(school, @class, course, teacher, learners);
    }

    private static Actor As(Person person) => new(person.Id, person.Department);

    private static Person AddPerson(IOrganisationDirectory directory, Department department, string given, string family, Role role, AccessScope scope, DateRange validity)
    {
        var person = new Person(PersonId.New(), department.Id, given, family);
        directory.Add(person);
        directory.Add(new RoleAssignment(person.Id, role, scope, validity));
        return person;
    }
}
