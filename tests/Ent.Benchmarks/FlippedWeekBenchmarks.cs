using BenchmarkDotNet.Attributes;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Ent.Benchmarks;

/// <summary>
/// The readiness dashboard of a school's week of flipped sessions (target under 100 ms), on a SQLite file: a collège of 24 classes of 25
/// pupils, each class with 25 sessions a week and 4 of them flipped (96 flipped sessions a week), over two weeks of data, each check of
/// three questions answered by 20 of its 25 pupils. Baseline, in the same run and the same file: the dashboard made session by session,
/// each of the week's 600 timetable sessions looked up in its own unit of work and each flipped one's plan read on its own.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 10)]
[MedianColumn]
public class FlippedWeekBenchmarks
{
    private const int Classes = 24;
    private const int PupilsPerClass = 25;
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private EntHost _host = null!;
    private IFlippedSessions _sessions = null!;
    private Actor _head = null!;
    private SchoolId _school;
    private Dictionary<CourseAudience, CourseId> _courses = [];
    private string _file = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var directory = new InMemoryOrganisationDirectory();
        var year = AcademicYear.WithTrimesters("2026-2027", new(2026, 9, 1), new(2026, 12, 1), new(2027, 3, 8), new(2027, 7, 4));
        var dates = new DateRange(year.Dates.Begin, year.Dates.End);
        var department = new Department(DepartmentId.New(), "93", "Seine-Saint-Denis");
        var school = new School(SchoolId.New(), department.Id, Uai.Parse($"9300001{Uai.CheckLetterFor(9300001)}"), "Collège 1");
        var head = new Person(PersonId.New(), department.Id, "Claire", "Dubois");
        var staff = new Person(PersonId.New(), department.Id, "Paul", "Lefèvre");
        directory.Add(department);
        directory.Add(school);
        directory.Add(head);
        directory.Add(staff);
        directory.Add(new RoleAssignment(head.Id, Role.HeadOfSchool, AccessScope.OfSchool(department.Id, school.Id), dates));
        directory.Add(new RoleAssignment(staff.Id, Role.SchoolStaff, AccessScope.OfSchool(department.Id, school.Id), dates));
        var classes = new List<(SchoolClass Class, Person Teacher, PersonId[] Pupils)>();
        for (var c = 0; c < Classes; c++)
        {
            var @class = new SchoolClass(ClassId.New(), school.Id, year.Id, $"{5 + (c / 6)}e {(char)('A' + (c % 6))}");
            var teacher = new Person(PersonId.New(), department.Id, $"Professeur {c}", "Test");
            directory.Add(@class);
            directory.Add(teacher);
            directory.Add(new RoleAssignment(teacher.Id, Role.Teacher, AccessScope.OfClass(department.Id, school.Id, @class.Id), dates));
            var pupils = Enumerable.Range(0, PupilsPerClass).Select(i =>
            {
                var pupil = new Person(PersonId.New(), department.Id, $"Élève {i}", $"Classe {c}");
                directory.Add(pupil);
                directory.Add(new RoleAssignment(pupil.Id, Role.Learner, AccessScope.OfClass(department.Id, school.Id, @class.Id), dates));
                directory.Add(Enrolment.InClass(pupil.Id, @class, dates));
                return pupil.Id;
            }).ToArray();
            classes.Add((@class, teacher, pupils));
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        _file = Path.Combine(Path.GetTempPath(), $"ent-flipped-week-{Guid.NewGuid():N}.db");
        var builder = EntHost.CreateBuilder();
        builder.Ent.UseSqlite(_file);
        builder.Services.Replace(ServiceDescriptor.Singleton<IOrganisationDirectory>(directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        builder.Ent.AddPlugin<FlippedClassroomPlugin>();
        builder.Ent.EnablePlugin("ent.flipped-classroom", year.Dates.Begin);
        _host = builder.Build();
        await _host.StartAsync();
        ((InMemorySchoolCalendar)_host.Services.GetRequiredService<ISchoolCalendar>()).RestoreYear(department.Id, null, year);
        var catalog = _host.Services.GetRequiredService<ICourseCatalog>();
        var maths = new Subject("MATHS", "Mathématiques");
        foreach (var (@class, _, _) in classes)
        {
            var course = new Course(CourseId.New(), school.Id, CourseAudience.ForClass(@class.Id), maths, $"Maths {@class.Name}", []);
            await catalog.SaveAsync(department.Id, course);
            _courses[course.Audience] = course.Id;
        }

        var slots = classes.SelectMany(k => Enumerable.Range(0, 5).SelectMany(d => Enumerable.Range(8, 5).Select(h => new TimetableSlot(TimetableSlotId.New(), school.Id,
            CourseAudience.ForClass(k.Class.Id), maths, k.Teacher.Id, "B12", DayOfWeek.Monday + d, new TimeOnly(h, 0), new TimeOnly(h + 1, 0), TeachingWeeks.Every, dates)))).ToArray();
        var timetables = _host.Services.GetRequiredService<ITimetables>();
        await timetables.ImportAsync(new Actor(staff.Id, department.Id), year.Id, new SchoolTimetable(school.Id, new(2026, 9, 7), [.. slots], []));
        _sessions = _host.Services.GetRequiredService<IFlippedSessions>();
        _head = new Actor(head.Id, department.Id);
        _school = school.Id;

        foreach (var monday in new[] { Monday.AddDays(-7), Monday })
        {
            time.SetUtcNow(new DateTimeOffset(monday.AddDays(-3).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero)); // the Friday before: every check still open
            var week = timetables.SessionsBetween(school.Id, monday, monday.AddDays(4));
            foreach (var (@class, teacher, pupils) in classes)
            {
                var actor = new Actor(teacher.Id, department.Id);
                foreach (var session in week.Where(s => s.Audience.Class == @class.Id && s.Start.Hour == 9 && s.Date.DayOfWeek != DayOfWeek.Wednesday))
                {
                    var flipped = await _sessions.SaveAsync(actor, school.Id, session.Date, session.Id, Draft());
                    await _sessions.PublishAsync(actor, flipped.Course, flipped.Id);
                    var check = flipped.Content.Check;
                    for (var p = 0; p < 20; p++)
                    {
                        await _sessions.AnswerAsync(new Actor(pupils[p], department.Id), flipped.Course, flipped.Id, pupils[p], CheckPart.Readiness,
                            [new Answer(check[0].Id, Option: p % 3), new Answer(check[1].Id, Number: 6 + (p % 2)), new Answer(check[2].Id, Option: p % 2)]);
                    }
                }
            }
        }

        time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var dashboard = await WeekDashboard();
        var naive = await NaiveWeekDashboard();
        if (dashboard.Sessions.Length != Classes * 4 || naive.Count != dashboard.Sessions.Length
            || dashboard.Sessions.Zip(naive).Any(p => p.First.Prepared != p.Second.Prepared || p.First.ToExplain != p.Second.ToExplain))
        {
            throw new InvalidOperationException($"The dashboard ({dashboard.Sessions.Length} sessions) and its baseline ({naive.Count}) disagree.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    /// <summary>The naive way: every session of the week looked up on its own, each flipped one's plan read on its own.</summary>
    [Benchmark(Baseline = true, Description = "Week dashboard, session by session (600 look-ups, 96 plans)")]
    public async Task<List<(int Prepared, int ToExplain)>> NaiveWeekDashboard()
    {
        var rows = new List<(int, int)>();
        foreach (var session in _host.Services.GetRequiredService<ITimetables>().SessionsBetween(_school, Monday, Monday.AddDays(5)))
        {
            var course = _courses[session.Audience];
            if (await _sessions.FindAsync(_head, course, session.Id) is null)
            {
                continue;
            }

            var plan = await _sessions.PlanAsync(_head, course, session.Id);
            rows.Add((plan.Readiness.Prepared.Count(), plan.Readiness.Questions.Count(q => q.Answered > q.ToMark && q.Suggestion == Ent.Plugins.FlippedClassroom.Plans.Suggestion.ExplainAgain)));
        }

        return rows;
    }

    /// <summary>The plugin's dashboard: the week's sessions from the timetable, their flipped sessions and answers read at once.</summary>
    [Benchmark(Description = "Week dashboard (IFlippedSessions.WeekAsync)")]
    public Task<WeekReadiness> WeekDashboard() => _sessions.WeekAsync(_head, _school, Monday);

    private static FlippedSessionDraft Draft() => new("Séance inversée", [Resource.Link("Vidéo", "https://videos.example.org/v", 8)],
        [Question.Choice("Question 1", 1, "a", "b", "c"), Question.Numeric("Question 2", 6), Question.Choice("Question 3", 0, "oui", "non")], 12, ["Groupes"], [], 3, null);
}
