using BenchmarkDotNet.Attributes;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Plugins.Attendance;
using Ent.Plugins.Attendance.RollCalls;
using Ent.Sdk.Hosting;
using Ent.Storage.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Benchmarks;

/// <summary>
/// A teacher's roll call of 30 pupils saved through the attendance plugin, durably, in one transaction: the roll call, the two
/// absences and the late pupil's record, their months and the event (target: median under 5 ms), on a SQLite file and on
/// PostgreSQL (ENT_TEST_POSTGRES). Each invocation takes the roll call of another session of the class's year. Baseline, in the
/// same run and the same database: the 30 pupils' statuses written as 30 rows each committed on its own.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 15, invocationCount: 32)]
[MedianColumn]
public class RollCallSaveBenchmarks
{
    private readonly List<Session> _sessions = [];
    private EntHost _host = null!;
    private IRollCalls _rollCalls = null!;
    private Actor _teacher = null!;
    private PersonId[] _pupils = [];
    private IRecordStore _rows = null!;
    private ServiceProvider? _rowServices;
    private string? _file;
    private string? _database;
    private int _next;

    /// <summary>Where the department's records are kept (in memory: what the host's own work costs, without a database).</summary>
    [Params("SQLite", "PostgreSQL", "InMemory")]
    public string Engine { get; set; } = "SQLite";

    [GlobalSetup]
    public async Task Setup()
    {
        var directory = new InMemoryOrganisationDirectory();
        var year = AcademicYear.WithTrimesters("2026-2027", new(2026, 9, 1), new(2026, 12, 1), new(2027, 3, 8), new(2027, 7, 4));
        var dates = new DateRange(year.Dates.Begin, year.Dates.End);
        var department = new Department(DepartmentId.New(), "93", "Seine-Saint-Denis");
        var school = new School(SchoolId.New(), department.Id, Uai.Parse($"9300001{Uai.CheckLetterFor(9300001)}"), "Collège 1");
        var @class = new SchoolClass(ClassId.New(), school.Id, year.Id, "5e B");
        var teacher = new Person(PersonId.New(), department.Id, "Marie", "Curie");
        var staff = new Person(PersonId.New(), department.Id, "Paul", "Lefèvre");
        foreach (var add in new Action[] { () => directory.Add(department), () => directory.Add(school), () => directory.Add(@class), () => directory.Add(teacher), () => directory.Add(staff) })
        {
            add();
        }

        directory.Add(new RoleAssignment(teacher.Id, Role.Teacher, AccessScope.OfClass(department.Id, school.Id, @class.Id), dates));
        directory.Add(new RoleAssignment(staff.Id, Role.SchoolStaff, AccessScope.OfSchool(department.Id, school.Id), dates));
        _pupils = [.. Enumerable.Range(0, 30).Select(i =>
        {
            var pupil = new Person(PersonId.New(), department.Id, $"Élève {i}", "Test");
            directory.Add(pupil);
            directory.Add(Enrolment.InClass(pupil.Id, @class, dates));
            return pupil.Id;
        })];

        var builder = EntHost.CreateBuilder();
        if (Engine == "PostgreSQL")
        {
            _database = await MarkData.CreatePostgreSqlDatabaseAsync();
            builder.Ent.UsePostgreSql(_database);
        }
        else if (Engine == "SQLite")
        {
            _file = Path.Combine(Path.GetTempPath(), $"ent-roll-calls-{Guid.NewGuid():N}.db");
            builder.Ent.UseSqlite(_file);
        }
        else
        {
            builder.Services.AddInMemoryRecordStores();
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IOrganisationDirectory>(directory));
        builder.Ent.AddPlugin<AttendancePlugin>();
        builder.Ent.EnablePlugin("ent.attendance", year.Dates.Begin);
        _host = builder.Build();
        await _host.StartAsync();
        ((InMemorySchoolCalendar)_host.Services.GetRequiredService<ISchoolCalendar>()).RestoreYear(department.Id, null, year);
        var slots = Enumerable.Range(0, 5).SelectMany(d => Enumerable.Range(8, 9).Select(h => new TimetableSlot(TimetableSlotId.New(), school.Id, CourseAudience.ForClass(@class.Id),
            new Subject("MATHS", "Mathématiques"), teacher.Id, "B12", DayOfWeek.Monday + d, new TimeOnly(h, 0), new TimeOnly(h + 1, 0), TeachingWeeks.Every, dates))).ToArray();
        var timetables = _host.Services.GetRequiredService<ITimetables>();
        await timetables.ImportAsync(new Actor(staff.Id, department.Id), year.Id, new SchoolTimetable(school.Id, new(2026, 9, 7), [.. slots], []));
        _sessions.AddRange(timetables.SessionsBetween(school.Id, year.Dates.Begin, year.Dates.End!.Value));
        _rollCalls = _host.Services.GetRequiredService<IRollCalls>();
        _teacher = new Actor(teacher.Id, department.Id);

        var rows = new ServiceCollection();
        if (Engine == "PostgreSQL")
        {
            rows.AddEnt().UsePostgreSql(await MarkData.CreatePostgreSqlDatabaseAsync());
        }
        else
        {
            _file ??= Path.Combine(Path.GetTempPath(), $"ent-roll-calls-{Guid.NewGuid():N}.db");
            rows.AddEnt().UseSqlite(_file + ".rows.db");
        }

        rows.AddRecordSchema(Statuses);
        _rowServices = rows.BuildServiceProvider();
        foreach (var task in _rowServices.GetServices<Ent.Sdk.Hosting.IEntStartupTask>())
        {
            await task.RunAsync(CancellationToken.None);
        }

        _rows = _rowServices.GetRequiredService<IRecordStores>().For(Statuses);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.DisposeAsync();
        if (_rowServices is not null)
        {
            await _rowServices.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + ".rows.db" }.OfType<string>().Where(File.Exists))
        {
            File.Delete(file);
        }

        await MarkData.DropPostgreSqlDatabasesAsync();
    }

    /// <summary>The pupils' statuses as rows of their own, for the baseline.</summary>
    private static readonly RecordSchema Statuses = RecordSchema.Create("bench.attendance", schema => schema
        .Version(1, "Statuses", v => v.CreateTable("statuses", t => t.Key(Column.Id("session"), Column.Id("pupil")).Columns(Column.Text("status", 20), Column.Integer("minutes", 0, 500)))));

    /// <summary>The naive way: each pupil's status a row, each committed on its own.</summary>
    [Benchmark(Baseline = true)]
    public async Task ThirtyCommitsOfOneStatusEach()
    {
        var session = Guid.CreateVersion7();
        var table = Statuses.Table("statuses");
        for (var i = 0; i < _pupils.Length; i++)
        {
            var row = table.NewRecord(session, _pupils[i].Value, i is 3 or 17 ? "absent" : i == 8 ? "late" : "present", i == 8 ? 10 : 0);
            await _rows.SaveAsync(MarkData.Department, new RecordChanges().Insert(row));
        }
    }

    /// <summary>The plugin's roll call: 30 pupils, two absent and one late, in one unit of work.</summary>
    [Benchmark]
    public Task<RollCall> RollCallOfThirty()
    {
        var session = _sessions[_next++ % _sessions.Count];
        return _rollCalls.SaveAsync(_teacher, new RollCallSubmission(session.School, session.Date, session.Id,
            [new PupilAttendance(_pupils[3], "absent"), new PupilAttendance(_pupils[17], "absent"), new PupilAttendance(_pupils[8], "late", 10)]));
    }
}
