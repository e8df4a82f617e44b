using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Hosting;
using Ent.Sdk.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Ent.Benchmarks;

/// <summary>
/// A department's first term in a SQLite file, as the grading plugin stores it: collèges of 20 classes of 30
/// pupils, 10 subjects × 10 assessments per class (marks of scales 20, 10 and 5, 2 % codes, coefficients 1 to 3),
/// each school with its head; served by a host with the grading plugin over an in-memory directory and catalog,
/// its records in a SQLite file or in a PostgreSQL database of its own (on the server named by ENT_TEST_POSTGRES).
/// </summary>
internal sealed class GradingDepartment : IAsyncDisposable
{
    public const int ClassesPerSchool = 20;

    private static readonly string[] SubjectCodes = ["FRANCAIS", "MATHS", "HG", "ANGLAIS", "ESPAGNOL", "SVT", "PC", "TECHNO", "ARTS", "EPS"];

    private readonly string? _path;
    private readonly string? _database;

    private GradingDepartment(string? path, string? database, EntHost host, Department department, Period period)
    {
        _path = path;
        _database = database;
        Host = host;
        Department = department;
        Period = period;
        Operations = host.Services.GetRequiredService<IOperations>();
    }

    public EntHost Host { get; }

    public Department Department { get; }

    public Period Period { get; }

    /// <summary>Opens the grading plugin's units of work: the seeding writes its documents through them, as the plugin does.</summary>
    public IOperations Operations { get; }

    /// <summary>Each school with its head of school.</summary>
    public List<(SchoolId School, Actor Head)> Heads { get; } = [];

    /// <summary>Each course's subject index.</summary>
    public Dictionary<CourseId, int> SubjectOf { get; } = [];

    /// <summary>Seeds the department's schools and starts the host.</summary>
    /// <param name="schools">How many collèges.</param>
    /// <param name="engine">"SQLite" or "PostgreSQL".</param>
    public static async Task<GradingDepartment> CreateAsync(int schools, string engine = "SQLite")
    {
        string? path = null, database = null;
        var directory = new InMemoryOrganisationDirectory();
        var courses = new InMemoryCourseCatalog();
        var year = AcademicYear.WithTrimesters("2026-2027", new(2026, 9, 1), new(2026, 12, 1), new(2027, 3, 8), new(2027, 7, 4));
        var dates = new DateRange(year.Dates.Begin, year.Dates.End);
        var department = new Department(DepartmentId.New(), "93", "Seine-Saint-Denis");
        directory.Add(department);

        var builder = EntHost.CreateBuilder();
        if (engine == "PostgreSQL")
        {
            var server = Environment.GetEnvironmentVariable("ENT_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set ENT_TEST_POSTGRES to run the PostgreSQL benchmarks (see the README).");
            database = "ent_bench_" + Guid.NewGuid().ToString("N");
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }

            builder.Ent.UsePostgreSql(new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString());
        }
        else
        {
            path = Path.Combine(Path.GetTempPath(), $"ent-grading-{Guid.NewGuid():N}.db");
            builder.Ent.UseSqlite(path);
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IOrganisationDirectory>(directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICourseCatalog>(courses));
        builder.Ent.AddPlugin<GradingPlugin>();
        builder.Ent.EnablePlugin("ent.grading", year.Dates.Begin);
        var host = builder.Build();
        await host.StartAsync();
        ((InMemorySchoolCalendar)host.Services.GetRequiredService<ISchoolCalendar>()).RestoreYear(department.Id, null, year);
        var seeded = new GradingDepartment(path, database, host, department, year.Periods[0]);

        var random = new Random(75_000);
        for (var s = 0; s < schools; s++)
        {
            var number = 930_0000 + s + 1;
            var school = new School(SchoolId.New(), department.Id, Uai.Parse($"{number:0000000}{Uai.CheckLetterFor(number)}"), $"Collège {s + 1}");
            directory.Add(school);
            var head = new Person(PersonId.New(), department.Id, "Chef", $"Établissement {s + 1}");
            directory.Add(head);
            directory.Add(new RoleAssignment(head.Id, Role.HeadOfSchool, AccessScope.OfSchool(department.Id, school.Id), dates));
            seeded.Heads.Add((school.Id, new Actor(head.Id, department.Id)));
            var work = await seeded.Operations.BeginAsync(new Actor(head.Id, department.Id), OperationTarget.OfSchool(school.Id), GradingCapabilities.WriteMarks);
            var pending = 0;
            for (var c = 0; c < ClassesPerSchool; c++)
            {
                var @class = new SchoolClass(ClassId.New(), school.Id, year.Id, $"{6 - (c % 4)}e {(char)('A' + (c / 4))}");
                directory.Add(@class);
                var pupils = new PersonId[TermCloseBenchmarks.PupilsPerClass];
                for (var p = 0; p < pupils.Length; p++)
                {
                    var pupil = new Person(PersonId.New(), department.Id, "Élève", $"{s}-{c}-{p}");
                    directory.Add(pupil);
                    directory.Add(Enrolment.InClass(pupil.Id, @class, dates));
                    pupils[p] = pupil.Id;
                }

                for (var subject = 0; subject < TermCloseBenchmarks.Subjects; subject++)
                {
                    var code = SubjectCodes[subject];
                    var course = new Course(CourseId.New(), school.Id, CourseAudience.ForClass(@class.Id), new Subject(code, code), $"{code} {@class.Name}", ImmutableArray<Sequence>.Empty);
                    await courses.SaveAsync(department.Id, course);
                    seeded.SubjectOf[course.Id] = subject;
                    for (var a = 0; a < TermCloseBenchmarks.AssessmentsPerSubject; a++)
                    {
                        var scale = TermCloseBenchmarks.Scales[random.Next(TermCloseBenchmarks.Scales.Length)];
                        var marks = pupils.Select(pupil => new PupilMark(pupil, TermCloseBenchmarks.RandomMark(random, scale))).OrderBy(m => m.Pupil.Value).ToImmutableArray();
                        work.Documents<AssessmentDocument>().Add(new AssessmentDocument(
                            course.Id, Guid.CreateVersion7(), @class.Id, seeded.Period.Id, $"Devoir {a + 1}", seeded.Period.First.AddDays(7 + (7 * a)),
                            scale, 1 + random.Next(3), GradeItemKind.Normal, true, marks));
                        if (++pending == 1_000)
                        {
                            await work.CommitAsync();
                            await work.DisposeAsync();
                            work = await seeded.Operations.BeginAsync(new Actor(head.Id, department.Id), OperationTarget.OfSchool(school.Id), GradingCapabilities.WriteMarks);
                            pending = 0;
                        }
                    }
                }
            }

            await work.CommitAsync();
            await work.DisposeAsync();
        }

        if (database is not null)
        {
            // What autovacuum does soon after a bulk load (statistics for the planner, hint bits and the visibility map):
            // without it the first closes measured pay for it, more or less depending on when autovacuum wakes up.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ENT_TEST_POSTGRES")) { Database = database }.ToString());
            await connection.OpenAsync();
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
        }

        return seeded;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_path is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_database is not null && Environment.GetEnvironmentVariable("ENT_TEST_POSTGRES") is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
