using System.Collections.Immutable;
using System.Globalization;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Organisation;
using Ent.Sdk.Demo;
using Ent.Sdk.Rollout;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Samples.DepartmentHost.Generation;

/// <summary>
/// Generates a department at the size of its <see cref="DepartmentShape"/>, deterministically, through the platform's own
/// services: each school's classes, pupils, families, teachers and head as one directory import; the pupils enrolled by the
/// school's staff at the start of the year (events of administration); a course per class and subject; and, in a school whose
/// rollout wave has begun, a term of use from its wave's start: pupils working on their courses, and every plugin on there
/// adding its share (<see cref="IDemoContributor.ContributeAsync(GeneratedSchool, CancellationToken)"/>). A school is
/// complete once its head of school is in the directory, added last: a restart skips complete schools and finishes the one
/// it was stopped in, so that nothing is added twice.
/// </summary>
internal sealed class DepartmentGenerator(IServiceProvider services, DepartmentSetup setup, TravellingClock clock, TextWriter progress, TextWriter error)
{
    private readonly IOrganisationDirectory _directory = services.GetRequiredService<IOrganisationDirectory>();
    private readonly ISchoolCalendar _calendar = services.GetRequiredService<ISchoolCalendar>();
    private readonly TimeZoneInfo _zone = services.GetRequiredService<TimeZoneInfo>();

    /// <summary>Generates what is missing of the department; the demonstration school is seeded already.</summary>
    /// <param name="demo">The demonstration school (its year and period are the generated ones').</param>
    /// <param name="cancellationToken">Stops between two schools.</param>
    /// <returns>How many schools were generated or finished by this run.</returns>
    public async Task<int> GenerateAsync(DemoSchool demo, CancellationToken cancellationToken)
    {
        _ = setup.Shape ?? throw new InvalidOperationException("The department host was not asked for a generated department.");
        var plan = services.GetRequiredService<IRolloutPlan>();
        var today = _calendar.Today;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var generated = 0;
        for (var index = 0; index < setup.Schools.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var school = setup.Schools[index];
            var made = Plan(school, demo);
            if (_directory.FindPerson(made.Head.Id) is not null)
            {
                continue; // complete
            }

            await GenerateAsync(made, plan.WaveOf(school.Id)?.Start, today, cancellationToken).ConfigureAwait(false);
            generated++;
            if (generated % 5 == 0 || index == setup.Schools.Length - 1)
            {
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Département généré / department generated: {index + 1}/{setup.Schools.Length} collèges ({watch.Elapsed.TotalSeconds:F0} s)")).ConfigureAwait(false);
            }
        }

        return generated;
    }

    private async Task GenerateAsync(SchoolPlan made, DateOnly? waveStart, DateOnly today, CancellationToken cancellationToken)
    {
        var school = made.School;
        var resumed = _directory.FindClass(made.Classes[0].Class.Id) is not null; // stopped inside this school by an earlier run
        if (!resumed)
        {
            _directory.Import(made.Directory);
        }

        if (_directory.EnrolmentsIn(made.Classes[0].Class.Id).Count == 0)
        {
            var rentree = FirstSchoolDay(school.Id, made.Year.Dates.Begin);
            using (clock.Travel(Instant(rentree, new TimeOnly(8, 30))))
            {
                await services.GetRequiredService<IRoster>().EnrolAsync(made.StaffActor, made.Enrolments, cancellationToken).ConfigureAwait(false);
            }
        }

        var catalog = services.GetRequiredService<ICourseCatalog>();
        foreach (var course in made.Classes.SelectMany(c => c.Courses))
        {
            await catalog.SaveAsync(school.Department, course.Course, cancellationToken).ConfigureAwait(false);
        }

        await TimetableAsync(made, cancellationToken).ConfigureAwait(false);

        // Each period of the year so far, from the school's wave on: the term behind, and what has passed of this one.
        var yesterday = today.AddDays(-1);
        foreach (var period in made.Year.Periods.Where(p => waveStart is { } start && start <= yesterday && p.First <= yesterday && p.Last >= start))
        {
            var from = waveStart!.Value > period.First ? waveStart.Value : period.First;
            var until = yesterday < period.Last ? yesterday : period.Last;
            var generated = new GeneratedSchool(school, period, from, until, made.Classes, made.Seed ^ period.First.DayNumber, (day, time) => clock.Travel(Instant(day, time)));
            await PupilsWorkAsync(generated, resumed, cancellationToken).ConfigureAwait(false);
            await ContributionsAsync(generated, cancellationToken).ConfigureAwait(false);
        }

        _directory.Import(new DirectoryImport(school.Department) { People = [made.Head], Roles = [made.HeadRole] }); // the school is complete
    }

    /// <summary>Asks every plugin on in the school for its share of a period; a plugin's failure is reported, not fatal.</summary>
    private Task ContributionsAsync(GeneratedSchool school, CancellationToken cancellationToken) =>
        DemoContributions.RunAsync(services, school.School.Id, (contributor, token) => contributor.ContributeAsync(school, token), $"{school.School.Uai}, {school.Period.Name}", error, cancellationToken);

    /// <summary>
    /// The pupils' own work in a period: more or fewer of them depending on the school, each pupil does an activity of the French
    /// and mathematics courses (which one, the period chooses) on a school day, after school. When
    /// finishing a school an earlier run was stopped in, a pupil already recorded there is skipped.
    /// </summary>
    private async Task PupilsWorkAsync(GeneratedSchool school, bool resumed, CancellationToken cancellationToken)
    {
        var days = _calendar.SchoolDaysBetween(school.School.Id, school.From, school.Until);
        if (days.Length == 0)
        {
            return;
        }

        var records = services.GetRequiredService<ILearnerRecords>();
        var random = new Random(school.Seed ^ 0x5eed);
        var engagement = 0.3 + (0.5 * random.NextDouble());
        foreach (var (_, pupils, courses) in school.Classes)
        {
            foreach (var course in courses.Where(c => c.Course.Subject.Code is "FRANCAIS" or "MATHS"))
            {
                var activities = course.Course.Sequences[0].Activities;
                var activity = activities[school.Period.First.DayNumber % activities.Length].Id;
                foreach (var pupil in pupils)
                {
                    var day = days[random.Next(days.Length)];
                    var actor = new Actor(pupil.Id, pupil.Department);
                    if (random.NextDouble() >= engagement
                        || (resumed && (await records.ProgressOfAsync(actor, course.Course.Id, pupil.Id, cancellationToken).ConfigureAwait(false)).ContainsKey(activity)))
                    {
                        continue;
                    }

                    using (clock.Travel(Instant(day, new TimeOnly(18, 15))))
                    {
                        await records.RecordAsync(actor, course.Course.Id, activity, pupil.Id, CompletionStatus.Completed, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>What the generator makes of one school, the same at every run.</summary>
    /// <summary>Hours of the generated weeks: four in the morning, four in the afternoon, Monday to Friday.</summary>
    private static readonly int[] Hours = [8, 9, 10, 11, 13, 14, 15, 16];

    /// <summary>
    /// The school's timetable for the year, imported by its staff once: each course of a class three hours a week with its
    /// teacher, spread over the class's week so that a class has one lesson at a time (a class of twelve courses fills 36 of its 40 hours).
    /// </summary>
    private async Task TimetableAsync(SchoolPlan made, CancellationToken cancellationToken)
    {
        var timetables = services.GetRequiredService<Ent.Core.Timetable.ITimetables>();
        if (timetables.Of(made.School.Id, made.Year.Id) is not null)
        {
            return;
        }

        var valid = new DateRange(made.Year.Dates.Begin, made.Year.Dates.End);
        var slots = new List<Ent.Core.Timetable.TimetableSlot>();
        for (var c = 0; c < made.Classes.Count; c++)
        {
            var courses = made.Classes[c].Courses;
            for (var i = 0; i < courses.Count && i < 13; i++)
            {
                for (var k = 0; k < 3; k++)
                {
                    var position = ((i * 3) + k + (c * 7)) % 40; // each class's week shifted, so that a teacher of several classes is not everywhere at 8:00
                    var (day, hour) = ((DayOfWeek)(1 + (position % 5)), Hours[position / 5]);
                    var (course, teacher) = courses[i];
                    slots.Add(new Ent.Core.Timetable.TimetableSlot(new TimetableSlotId(NameBasedId.Of($"{made.School.Id.Value}/{course.Id.Value}/{k}")), made.School.Id, course.Audience, course.Subject,
                        teacher.Id, $"S{101 + c}", day, new TimeOnly(hour, 0), new TimeOnly(hour + 1, 0), Ent.Core.Timetable.TeachingWeeks.Every, valid));
                }
            }
        }

        var firstWeekA = SchoolTime.FirstMondayFrom(made.Year.Dates.Begin);
        await timetables.ImportAsync(made.StaffActor, made.Year.Id, new Ent.Core.Timetable.SchoolTimetable(made.School.Id, firstWeekA, [.. slots], []), cancellationToken).ConfigureAwait(false);
    }

    private SchoolPlan Plan(School school, DemoSchool demo)
    {
        var shape = setup.Shape!;
        var department = school.Department;
        var year = demo.Year;
        var validity = new DateRange(year.Dates.Begin, year.Dates.End);
        var firstYear = year.Dates.Begin.Year;
        var uai = school.Uai.ToString();
        Guid Id(string key) => DemoSchool.DerivedId(department, $"scale/{firstYear}/{uai}/{key}");
        var seed = BitConverter.ToInt32(Id("seed").ToByteArray(), 0);
        var names = new Random(seed);
        T Pick<T>(T[] items) => items[names.Next(items.Length)];
        Person NewPerson(string key, string given, string family) =>
            new(new PersonId(Id(key)), department, given, family) { ExternalId = $"{uai.ToLowerInvariant()}.{key.Replace('/', '.')}" };

        var existing = _directory.ClassesOf(school.Id).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var classNames = DepartmentShape.Levels
            .SelectMany(level => Enumerable.Range(0, shape.ClassesPerLevel).Select(i => $"{level} {(char)('A' + i)}"))
            .ToArray();
        var teachers = new Dictionary<(string Subject, int Index), Person>();
        var (people, roles, guardianships, enrolments, classes) = (new List<Person>(), new List<RoleAssignment>(), new List<Guardianship>(), new List<Enrolment>(), new List<GeneratedClass>());
        var staff = NewPerson("staff", Pick(FrenchNames.AdultGivenNames), Pick(FrenchNames.FamilyNames));
        people.Add(staff);
        roles.Add(new RoleAssignment(staff.Id, Role.SchoolStaff, AccessScope.OfSchool(department, school.Id), validity));
        for (var c = 0; c < classNames.Length; c++)
        {
            var name = classNames[c];
            var @class = new SchoolClass(new ClassId(Id($"class/{name}")), school.Id, year.Id, name);
            var classScope = AccessScope.OfClass(department, school.Id, @class.Id);
            var pupils = new List<Person>();
            for (var p = 0; p < shape.PupilsPerClass; p++)
            {
                var family = Pick(FrenchNames.FamilyNames);
                var pupil = NewPerson($"pupil/{name}/{p + 1}", Pick(FrenchNames.GivenNames), family);
                var parent = NewPerson($"parent/{name}/{p + 1}", Pick(FrenchNames.AdultGivenNames), family);
                pupils.Add(pupil);
                people.Add(pupil);
                people.Add(parent);
                roles.Add(new RoleAssignment(pupil.Id, Role.Learner, classScope, validity));
                roles.Add(new RoleAssignment(parent.Id, Role.Parent, AccessScope.OfSchool(department, school.Id), validity));
                guardianships.Add(new Guardianship(parent.Id, pupil.Id));
                enrolments.Add(Enrolment.Restore(new EnrolmentId(Id($"enrolment/{name}/{p + 1}")), pupil.Id, school.Id, @class.Id, null, validity));
            }

            var courses = new List<GeneratedCourse>();
            foreach (var (code, subject) in DepartmentShape.Subjects)
            {
                var key = (code, c / DepartmentShape.ClassesPerTeacher);
                if (!teachers.TryGetValue(key, out var teacher))
                {
                    teachers[key] = teacher = NewPerson($"teacher/{code}/{key.Item2 + 1}", Pick(FrenchNames.AdultGivenNames), Pick(FrenchNames.FamilyNames));
                    people.Add(teacher);
                }

                // The class's teacher, and the course's: the school's timetable export names who teaches which subject to which class.
                var course = CourseOf(Id, school, @class, code, subject);
                roles.Add(new RoleAssignment(teacher.Id, Role.Teacher, classScope, validity));
                roles.Add(new RoleAssignment(teacher.Id, Role.Teacher, classScope with { Course = course.Id }, validity));
                courses.Add(new GeneratedCourse(course, teacher));
            }

            if (!existing.Contains(name))
            {
                classes.Add(new GeneratedClass(@class, pupils, courses));
            }
        }

        // The classes a configured school already has (the demonstration's 5e B) are not made again, nor their people.
        var kept = classes.Select(c => c.Class.Id).ToHashSet();
        var keptPeople = classes.SelectMany(c => c.Pupils.Select(p => p.Id).Concat(c.Courses.Select(k => k.Teacher.Id))).Append(staff.Id).ToHashSet();
        var keptGuardians = guardianships.Where(g => keptPeople.Contains(g.Learner)).ToList();
        keptPeople.UnionWith(keptGuardians.Select(g => g.Guardian));
        var import = new DirectoryImport(department)
        {
            Classes = [.. classes.Select(c => c.Class)],
            People = [.. people.Where(p => keptPeople.Contains(p.Id))],
            Roles = [.. roles.Where(r => keptPeople.Contains(r.Person) && (r.Scope.Class is null || kept.Contains(r.Scope.Class.Value)))],
            Guardianships = keptGuardians,
        };
        var head = NewPerson("head", Pick(FrenchNames.AdultGivenNames), Pick(FrenchNames.FamilyNames));
        return new SchoolPlan(school, year, seed, import, [.. enrolments.Where(e => kept.Contains(e.Class!.Value))], classes, staff, head,
            new RoleAssignment(head.Id, Role.HeadOfSchool, AccessScope.OfSchool(department, school.Id), validity));
    }

    private static Course CourseOf(Func<string, Guid> id, School school, SchoolClass @class, string code, string subject)
    {
        var key = $"course/{@class.Name}/{code}";
        ImmutableArray<Activity> activities =
        [
            new(new ActivityId(id($"{key}/activity/1")), $"Vidéo : découvrir la séquence ({subject})", ActivityKind.Video.Id, []),
            new(new ActivityId(id($"{key}/activity/2")), "Exercices d'entraînement", ActivityKind.Exercise.Id, []),
        ];
        return new Course(new CourseId(id(key)), school.Id, CourseAudience.ForClass(@class.Id), new Subject(code, subject), $"{subject} — {@class.Name}",
            [new Sequence(new SequenceId(id($"{key}/sequence/1")), "Séquence 1", activities)]);
    }

    private DateOnly FirstSchoolDay(SchoolId school, DateOnly from)
    {
        var day = from;
        while (!_calendar.IsSchoolDay(school, day) && day < from.AddDays(14))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private DateTimeOffset Instant(DateOnly day, TimeOnly time) => SchoolTime.At(day, time, _zone);

    private sealed record SchoolPlan(
        School School, AcademicYear Year, int Seed, DirectoryImport Directory, IReadOnlyList<Enrolment> Enrolments, IReadOnlyList<GeneratedClass> Classes,
        Person Staff, Person Head, RoleAssignment HeadRole)
    {
        public Actor StaffActor => new(Staff.Id, Staff.Department);
    }
}
