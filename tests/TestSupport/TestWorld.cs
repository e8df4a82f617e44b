using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Organisation;
using Ent.Core.Identifiers;
using Microsoft.Extensions.Time.Testing;

namespace Ent.TestSupport;

/// <summary>
/// A small, complete school world for tests: a department with one collège, two classes and the
/// people around them, and a second department to prove that tenants never mix. The clock stands
/// on Thursday 26 November 2026, 10:00 in Paris.
/// </summary>
public sealed class TestWorld
{
    /// <summary>Builds the world into a directory: a fresh in-memory one unless one is given (a stored directory, say).</summary>
    public TestWorld(IOrganisationDirectory? directory = null)
    {
        Directory = directory ?? new InMemoryOrganisationDirectory();
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        Year = AcademicYear.WithTrimesters("2026-2027", new(2026, 9, 1), new(2026, 12, 1), new(2027, 3, 8), new(2027, 7, 4));
        var yearDates = new DateRange(Year.Dates.Begin, Year.Dates.End);

        Department = new Department(DepartmentId.New(), "93", "Seine-Saint-Denis");
        School = new School(SchoolId.New(), Department.Id, Uai.Parse(UaiFor(930_0001)), "Collège Jean Jaurès");
        OtherSchool = new School(SchoolId.New(), Department.Id, Uai.Parse(UaiFor(930_0002)), "Collège Louise Michel");
        Class5B = new SchoolClass(ClassId.New(), School.Id, Year.Id, "5e B");
        Class4A = new SchoolClass(ClassId.New(), School.Id, Year.Id, "4e A");
        LatinGroup = new TeachingGroup(GroupId.New(), School.Id, Year.Id, "4e Latin");
        Directory.Add(Department);
        Directory.Add(School);
        Directory.Add(OtherSchool);
        Directory.Add(Class5B);
        Directory.Add(Class4A);
        Directory.Add(LatinGroup);

        Teacher = AddPerson("Marie", "Curie", Role.Teacher, AccessScope.OfClass(Department.Id, School.Id, Class5B.Id), yearDates);
        Learner = AddPerson("Lina", "Benali", Role.Learner, AccessScope.OfClass(Department.Id, School.Id, Class5B.Id), yearDates);
        Classmate = AddPerson("Hugo", "Martin", Role.Learner, AccessScope.OfClass(Department.Id, School.Id, Class5B.Id), yearDates);
        LearnerOf4A = AddPerson("Inès", "Diallo", Role.Learner, AccessScope.OfClass(Department.Id, School.Id, Class4A.Id), yearDates);
        Parent = AddPerson("Karim", "Benali", Role.Parent, AccessScope.OfSchool(Department.Id, School.Id), yearDates);
        Staff = AddPerson("Paul", "Lefèvre", Role.SchoolStaff, AccessScope.OfSchool(Department.Id, School.Id), yearDates);
        Head = AddPerson("Claire", "Dubois", Role.HeadOfSchool, AccessScope.OfSchool(Department.Id, School.Id), yearDates);
        HeadOfOtherSchool = AddPerson("Jean", "Moulin", Role.HeadOfSchool, AccessScope.OfSchool(Department.Id, OtherSchool.Id), yearDates);
        Admin = AddPerson("Sophie", "Germain", Role.DepartmentAdmin, AccessScope.OfDepartment(Department.Id), yearDates);
        Directory.Add(new Guardianship(Parent.Id, Learner.Id));
        Directory.Add(Enrolment.InClass(Learner.Id, Class5B, yearDates));
        Directory.Add(Enrolment.InClass(Classmate.Id, Class5B, yearDates));
        Directory.Add(Enrolment.InClass(LearnerOf4A.Id, Class4A, yearDates));

        OtherDepartment = new Department(DepartmentId.New(), "75", "Paris");
        Directory.Add(OtherDepartment);
        OtherDepartmentAdmin = new Person(PersonId.New(), OtherDepartment.Id, "Victor", "Hugo");
        Directory.Add(OtherDepartmentAdmin);
        Directory.Add(new RoleAssignment(OtherDepartmentAdmin.Id, Role.DepartmentAdmin, AccessScope.OfDepartment(OtherDepartment.Id), yearDates));

        Activities = [Activity.Create("Vidéo : les fractions", ActivityKind.Video), Activity.Create("Quiz de préparation", ActivityKind.Quiz), Activity.Create("Exercices", ActivityKind.Exercise)];
        MathsCourse = new Course(CourseId.New(), School.Id, CourseAudience.ForClass(Class5B.Id), new Subject("MATHS", "Mathématiques"), "Fractions",
            [new Sequence(SequenceId.New(), "Séquence 1", Activities)]);
        Courses.SaveAsync(Department.Id, MathsCourse).GetAwaiter().GetResult(); // in memory: completes at once

        // The department's calendar: its year (the department's), zone C and its autumn and Christmas holidays.
        Calendar = new InMemorySchoolCalendar(Directory, new AccessControl(Directory, AccessPolicy.Default, Time, SchoolTime.Paris), Time, SchoolTime.Paris);
        Seed(Calendar);
    }

    /// <summary>The department's calendar: the year and its trimesters, zone C, the Toussaint and Christmas holidays.</summary>
    public InMemorySchoolCalendar Calendar { get; }

    /// <summary>Puts the world's year, zone and holidays into a calendar (a host's own, say).</summary>
    public void Seed(InMemorySchoolCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        calendar.RestoreYear(Department.Id, null, Year);
        calendar.RestoreZone(Department.Id, HolidayZone.C);
        calendar.RestoreHoliday(Department.Id, Guid.CreateVersion7(), new SchoolHoliday("Vacances de la Toussaint", new(2026, 10, 17), new(2026, 11, 1), HolidayZone.C));
        calendar.RestoreHoliday(Department.Id, Guid.CreateVersion7(), new SchoolHoliday("Vacances de Noël", new(2026, 12, 19), new(2027, 1, 3), HolidayZone.C));
    }

    public FakeTimeProvider Time { get; }

    public IOrganisationDirectory Directory { get; }

    public InMemoryCourseCatalog Courses { get; } = new();

    public AcademicYear Year { get; }

    public Department Department { get; }

    public School School { get; }

    public School OtherSchool { get; }

    public SchoolClass Class5B { get; }

    public SchoolClass Class4A { get; }

    public TeachingGroup LatinGroup { get; }

    public Person Teacher { get; }

    public Person Learner { get; }

    public Person Classmate { get; }

    public Person LearnerOf4A { get; }

    public Person Parent { get; }

    public Person Staff { get; }

    public Person Head { get; }

    public Person HeadOfOtherSchool { get; }

    public Person Admin { get; }

    public Department OtherDepartment { get; }

    public Person OtherDepartmentAdmin { get; }

    public ImmutableArray<Activity> Activities { get; }

    public Course MathsCourse { get; }

    public static Actor As(Person person) => new(person.Id, person.Department);

    public AccessControl AccessControl(AccessPolicy? policy = null) => new(Directory, policy ?? AccessPolicy.Default, Time);

    /// <summary>A valid UAI for a seven-digit number.</summary>
    public static string UaiFor(int number) => $"{number:0000000}{Uai.CheckLetterFor(number)}";

    private Person AddPerson(string given, string family, Role role, AccessScope scope, DateRange validity)
    {
        var person = new Person(PersonId.New(), Department.Id, given, family);
        Directory.Add(person);
        Directory.Add(new RoleAssignment(person.Id, role, scope, validity));
        return person;
    }
}
