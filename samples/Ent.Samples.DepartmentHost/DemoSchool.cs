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
    private DemoSchool(School school, SchoolClass @class, Course course, Person teacher, ImmutableArray<Person> learners, AcademicYear year, Period period)
    {
        Year = year;
        Period = period;
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

    /// <summary>The demo year, with its trimesters.</summary>
    public AcademicYear Year { get; }

    /// <summary>Today's period of the demo year, its id derived like the others so that it is the same at every start.</summary>
    public Period Period { get; }

    /// <summary>
    /// Seeds the department, its schools and the demo class, once: the ids are derived from the department,
    /// so that a restart finds in the data file what the first start stored, and adds nothing twice.
    /// </summary>
    public static async Task<DemoSchool> SeedAsync(IServiceProvider services, Department department, IReadOnlyList<School> schools, TimeProvider time)
    {
        var directory = services.GetRequiredService<IOrganisationDirectory>();
        if (directory.FindDepartment(department.Id) is null)
        {
            directory.Add(department);
        }

        foreach (var each in schools.Where(s => directory.FindSchool(s.Id) is null))
        {
            directory.Add(each);
        }

        var calendar = services.GetRequiredService<ISchoolCalendar>();
        var today = calendar.Today;
        var firstYear = today.Month >= 9 ? today.Year : today.Year - 1;
        var school = schools[0];
        Guid Stable(string name) => DerivedId(department.Id, $"demo/{firstYear}/{name}");
        var trimesters = AcademicYear.WithTrimesters($"{firstYear}-{firstYear + 1}", new(firstYear, 9, 1), new(firstYear, 12, 1), new(firstYear + 1, 3, 8), new(firstYear + 1, 7, 4));
        var year = AcademicYear.Create(new AcademicYearId(Stable("year")), trimesters.Label, trimesters.Dates.Begin, trimesters.Dates.End!.Value,
            trimesters.Periods.Select(p => p with { Id = new PeriodId(Stable($"period/{p.Name}")) }));
        var schoolYear = new DateRange(year.Dates.Begin, year.Dates.End);
        var classId = new ClassId(Stable("class"));
        var period = year.PeriodOf(today) ?? year.Periods[0];
        // Each has an id at the demonstration's identity provider too, as the académie's would give: demo.<key>.
        var people = People.Select(p => new Person(new PersonId(Stable(p.Key)), department.Id, p.GivenName, p.FamilyName) { ExternalId = $"demo.{p.Key}" }).ToArray();
        var admin = people[5];
        if (directory.FindPerson(admin.Id) is null)
        {
            AddPerson(directory, admin, Role.DepartmentAdmin, AccessScope.OfDepartment(department.Id), schoolYear);
        }

        if (calendar.YearOf(school.Id, year.Dates.Begin) is null)
        {
            // The department's calendar, set by its administrator: the year and its trimesters, in zone C (Créteil).
            await calendar.SaveYearAsync(new Actor(admin.Id, department.Id), year).ConfigureAwait(false);
            await calendar.SetZoneAsync(new Actor(admin.Id, department.Id), HolidayZone.C).ConfigureAwait(false);
        }

        var holidays = HolidaysOf(firstYear);
        if (calendar.HolidayOn(school.Id, holidays[0].First) is null)
        {
            // Zone C's school holidays, so that the demonstration's days are school days (added by a later version of the demo too).
            foreach (var holiday in holidays)
            {
                await calendar.SaveHolidayAsync(new Actor(admin.Id, department.Id), holiday).ConfigureAwait(false);
            }
        }
        var teacher = people[0];
        var learners = ImmutableArray.Create(people[1], people[2], people[3]);
        var staff = people[4];
        var (parent, head) = (people[6], people[7]);
        if (directory.FindPerson(head.Id) is null)
        {
            // Added by a later version of the demo: found missing in an older data file, added once.
            AddPerson(directory, head, Role.HeadOfSchool, AccessScope.OfSchool(department.Id, school.Id), schoolYear);
        }

        void AddFamily()
        {
            if (directory.FindPerson(parent.Id) is null)
            {
                AddPerson(directory, parent, Role.Parent, AccessScope.OfSchool(department.Id, school.Id), schoolYear);
                directory.Add(new Guardianship(parent.Id, people[1].Id));
            }
        }

        var kinds = services.GetRequiredService<IActivityKindRegistry>();
        var readinessKind = kinds.TryGet("sample.prepare-first.readiness-quiz", out var contributed) ? contributed : ActivityKind.Quiz;
        ImmutableArray<Activity> activities =
        [
            new(new ActivityId(Stable("activity/1")), "Vidéo : qu'est-ce qu'une fraction ?", ActivityKind.Video.Id, []),
            new(new ActivityId(Stable("activity/2")), "Lecture : fractions et partages", ActivityKind.Reading.Id, []),
            new(new ActivityId(Stable("activity/3")), "Quiz de préparation", readinessKind.Id, []),
            new(new ActivityId(Stable("activity/4")), "Atelier en groupes : comparer des fractions", ActivityKind.InClassSession.Id, []),
            new(new ActivityId(Stable("activity/5")), "Exercices d'entraînement", ActivityKind.Exercise.Id, []),
        ];
        var course = new Course(new CourseId(Stable("course")), school.Id, CourseAudience.ForClass(classId), new Subject("MATHS", "Mathématiques"), "Les fractions",
            [new Sequence(new SequenceId(Stable("sequence")), "Séquence 3 : les fractions", activities) { Content = SequenceContent }]);
        await services.GetRequiredService<ICourseCatalog>().SaveAsync(department.Id, course).ConfigureAwait(false);

        var @class = directory.FindClass(classId);
        if (@class is not null)
        {
            AddFamily();
            await SeedTimetableAsync(services, school, @class, teacher, staff, year, Stable).ConfigureAwait(false);
            return new DemoSchool(school, @class, course, teacher, learners, year, period); // seeded by an earlier start
        }

        @class = new SchoolClass(classId, school.Id, year.Id, "5e B");
        directory.Add(@class);
        var classScope = AccessScope.OfClass(department.Id, school.Id, @class.Id);
        AddPerson(directory, teacher, Role.Teacher, classScope, schoolYear);
        foreach (var learner in learners)
        {
            AddPerson(directory, learner, Role.Learner, classScope, schoolYear);
        }

        AddPerson(directory, staff, Role.SchoolStaff, AccessScope.OfSchool(department.Id, school.Id), schoolYear);
        var roster = services.GetRequiredService<IRoster>();
        foreach (var learner in learners)
        {
            await roster.EnrolAsync(new Actor(staff.Id, department.Id), Enrolment.InClass(learner.Id, @class, schoolYear)).ConfigureAwait(false);
        }

        AddFamily();
        await SeedTimetableAsync(services, school, @class, teacher, staff, year, Stable).ConfigureAwait(false);

        // Progress, recorded by the pupils themselves and by their teacher, through the rights-checked service.
        var records = services.GetRequiredService<ILearnerRecords>();
        var (lina, hugo, ines) = (learners[0], learners[1], learners[2]);
        await records.RecordAsync(As(lina), course.Id, activities[0].Id, lina.Id, CompletionStatus.Completed).ConfigureAwait(false);
        await records.RecordAsync(As(lina), course.Id, activities[2].Id, lina.Id, CompletionStatus.Completed, new ScoreEvidence(new Score(4, 10))).ConfigureAwait(false);
        await records.RecordAsync(As(ines), course.Id, activities[0].Id, ines.Id, CompletionStatus.Completed).ConfigureAwait(false);
        await records.RecordAsync(As(ines), course.Id, activities[1].Id, ines.Id, CompletionStatus.Completed).ConfigureAwait(false);
        await records.RecordAsync(As(teacher), course.Id, activities[2].Id, ines.Id, CompletionStatus.Completed, new ScoreEvidence(new Score(9, 10))).ConfigureAwait(false);
        await records.RecordAsync(As(hugo), course.Id, activities[0].Id, hugo.Id, CompletionStatus.InProgress).ConfigureAwait(false);
        return new DemoSchool(school, @class, course, teacher, learners, year, period);
    }

    /// <summary>
    /// The demonstration class's timetable, imported by the school's staff once (added by a later version of the demo too): four
    /// hours of mathematics a week with its teacher, in room B12, for the whole year.
    /// </summary>
    private static async Task SeedTimetableAsync(IServiceProvider services, School school, SchoolClass @class, Person teacher, Person staff, AcademicYear year, Func<string, Guid> stable)
    {
        var timetables = services.GetRequiredService<Ent.Core.Timetable.ITimetables>();
        if (timetables.Of(school.Id, year.Id) is not null)
        {
            return;
        }

        var maths = new Subject("MATHS", "Mathématiques");
        var valid = new DateRange(year.Dates.Begin, year.Dates.End);
        Ent.Core.Timetable.TimetableSlot Slot(DayOfWeek day, int hour) => new(new TimetableSlotId(stable($"slot/{day}")), school.Id, CourseAudience.ForClass(@class.Id), maths, teacher.Id, "B12",
            day, new TimeOnly(hour, 0), new TimeOnly(hour + 1, 0), Ent.Core.Timetable.TeachingWeeks.Every, valid);
        var firstMonday = SchoolTime.FirstMondayFrom(year.Dates.Begin);
        await timetables.ImportAsync(As(staff), year.Id, new Ent.Core.Timetable.SchoolTimetable(school.Id, firstMonday,
            [Slot(DayOfWeek.Monday, 8), Slot(DayOfWeek.Tuesday, 10), Slot(DayOfWeek.Thursday, 14), Slot(DayOfWeek.Friday, 9)], [])).ConfigureAwait(false);
    }

    /// <summary>The demonstration sequence's content, as its teacher wrote it in Markdown.</summary>
    private const string SequenceContent = """
        ## Objectifs

        - Comprendre qu'une fraction **partage** une unité en parts égales.
        - Comparer des fractions de même dénominateur.

        ## Avant la séance

        Regardez la vidéo puis répondez au quiz de préparation : il compte pour **préparer le travail en groupes**, pas pour la moyenne.

        | Fraction | Lecture |
        | --- | --- |
        | 1/2 | un demi |
        | 3/4 | trois quarts |
        """;

    /// <summary>
    /// Zone C's school holidays of a school year: those published for 2026-2027 (the académie de Créteil's), and for another
    /// year the usual pattern (two weeks from the third Saturday of October, two weeks around Christmas, two weeks from the
    /// Saturday after 14 February and from the Saturday after 10 April).
    /// </summary>
    internal static SchoolHoliday[] HolidaysOf(int firstYear)
    {
        if (firstYear == 2026)
        {
            return
            [
                new("Vacances de la Toussaint", new(2026, 10, 17), new(2026, 11, 1), HolidayZone.C),
                new("Vacances de Noël", new(2026, 12, 19), new(2027, 1, 3), HolidayZone.C),
                new("Vacances d'hiver", new(2027, 2, 20), new(2027, 3, 7), HolidayZone.C),
                new("Vacances de printemps", new(2027, 4, 17), new(2027, 5, 2), HolidayZone.C),
            ];
        }

        static DateOnly SaturdayFrom(DateOnly day) => day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);
        SchoolHoliday Fortnight(string name, DateOnly saturday) => new(name, saturday, saturday.AddDays(15), HolidayZone.C);
        return
        [
            Fortnight("Vacances de la Toussaint", SaturdayFrom(new(firstYear, 10, 15))),
            Fortnight("Vacances de Noël", SaturdayFrom(new(firstYear, 12, 18))),
            Fortnight("Vacances d'hiver", SaturdayFrom(new(firstYear + 1, 2, 15))),
            Fortnight("Vacances de printemps", SaturdayFrom(new(firstYear + 1, 4, 11))),
        ];
    }

    /// <summary>The demonstration's people: key, given name, family name.</summary>
    private static readonly (string Key, string GivenName, string FamilyName)[] People =
    [
        ("teacher", "Marie", "Curie"), ("lina", "Lina", "Benali"), ("hugo", "Hugo", "Martin"), ("ines", "Inès", "Diallo"), ("staff", "Paul", "Lefèvre"),
        ("admin", "Sophie", "Germain"), ("parent", "Karim", "Benali"), ("head", "Claire", "Moreau"),
    ];

    /// <summary>The id of one of the demonstration's people (<c>teacher</c>, <c>lina</c>, <c>parent</c>, <c>head</c>, <c>admin</c>…) in the year of a day.</summary>
    public static PersonId PersonOf(DepartmentId department, DateOnly today, string key)
    {
        var firstYear = today.Month >= 9 ? today.Year : today.Year - 1;
        return new PersonId(DerivedId(department, $"demo/{firstYear}/{key}"));
    }

    /// <summary>An id derived from the department and a name, the same at every start.</summary>
    internal static Guid DerivedId(DepartmentId department, string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{department.Value:N}/{name}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static Actor As(Person person) => new(person.Id, person.Department);

    private static void AddPerson(IOrganisationDirectory directory, Person person, Role role, AccessScope scope, DateRange validity)
    {
        directory.Add(person);
        directory.Add(new RoleAssignment(person.Id, role, scope, validity));
    }
}
