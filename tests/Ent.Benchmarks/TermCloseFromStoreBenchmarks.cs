using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.Periods;
using Ent.Sdk.Hosting;
using Ent.Storage.Records;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Benchmarks;

/// <summary>
/// The term close including reading the marks from the department's SQLite file: 125 collèges × 20 classes ×
/// 30 pupils (75,000), 10 subjects × 10 assessments per class (250,000 assessment records, 7.5 million marks),
/// as the grading plugin stores them. Real case: every school's head runs <see cref="ITermClose"/> (its classes
/// read through the (class, period) index, loaded into the term calculator). Baseline: the whole period read
/// in one query, every mark unpacked into a row, and the averages and statistics computed with LINQ
/// (<see cref="TermCloseBenchmarks.ComputeNaively(TermCloseBenchmarks.MarkRow[])"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TermCloseFromStoreBenchmarks
{
    private const int Schools = 125;
    private const int ClassesPerSchool = 20;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ent-term-close-{Guid.NewGuid():N}.db");
    private readonly List<(SchoolId School, Actor Head)> _heads = [];
    private readonly Dictionary<CourseId, int> _subjectOf = [];
    private EntHost _host = null!;
    private ITermClose _close = null!;
    private IRecordStore _store = null!;
    private Department _department = null!;
    private Period _period = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var directory = new InMemoryOrganisationDirectory();
        var courses = new InMemoryCourseCatalog();
        var year = AcademicYear.WithTrimesters("2026-2027", new(2026, 9, 1), new(2026, 12, 1), new(2027, 3, 8), new(2027, 7, 4));
        var dates = new DateRange(year.Dates.Begin, year.Dates.End);
        _period = year.Periods[0];
        _department = new Department(DepartmentId.New(), "93", "Seine-Saint-Denis");
        directory.Add(_department);

        var builder = EntHost.CreateBuilder();
        builder.Ent.UseSqlite(_path);
        builder.Services.Replace(ServiceDescriptor.Singleton<IOrganisationDirectory>(directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICourseCatalog>(courses));
        builder.Ent.AddPlugin<GradingPlugin>();
        _host = builder.Build();
        await _host.StartAsync();
        _close = _host.Services.GetRequiredService<ITermClose>();
        _store = _host.Services.GetRequiredService<IRecordStores>().For(GradingRecords.Schema);

        var random = new Random(75_000);
        int[] scales = [20, 20, 20, 10, 5];
        string[] subjects = ["FRANCAIS", "MATHS", "HG", "ANGLAIS", "ESPAGNOL", "SVT", "PC", "TECHNO", "ARTS", "EPS"];
        var changes = new RecordChanges();
        var pending = 0;
        for (var s = 0; s < Schools; s++)
        {
            var number = 930_0000 + s + 1;
            var school = new School(SchoolId.New(), _department.Id, Uai.Parse($"{number:0000000}{Uai.CheckLetterFor(number)}"), $"Collège {s + 1}");
            directory.Add(school);
            var head = new Person(PersonId.New(), _department.Id, "Chef", $"Établissement {s + 1}");
            directory.Add(head);
            directory.Add(new RoleAssignment(head.Id, Role.HeadOfSchool, AccessScope.OfSchool(_department.Id, school.Id), dates));
            _heads.Add((school.Id, new Actor(head.Id, _department.Id)));
            for (var c = 0; c < ClassesPerSchool; c++)
            {
                var @class = new SchoolClass(ClassId.New(), school.Id, year.Id, $"{6 - (c % 4)}e {(char)('A' + (c / 4))}");
                directory.Add(@class);
                var pupils = new PersonId[TermCloseBenchmarks.PupilsPerClass];
                for (var p = 0; p < pupils.Length; p++)
                {
                    var pupil = new Person(PersonId.New(), _department.Id, "Élève", $"{s}-{c}-{p}");
                    directory.Add(pupil);
                    directory.Add(Enrolment.InClass(pupil.Id, @class, dates));
                    pupils[p] = pupil.Id;
                }

                for (var subject = 0; subject < TermCloseBenchmarks.Subjects; subject++)
                {
                    var course = new Course(CourseId.New(), school.Id, CourseAudience.ForClass(@class.Id), new Subject(subjects[subject], subjects[subject]), $"{subjects[subject]} {@class.Name}", ImmutableArray<Sequence>.Empty);
                    await courses.SaveAsync(_department.Id, course);
                    _subjectOf[course.Id] = subject;
                    for (var a = 0; a < TermCloseBenchmarks.AssessmentsPerSubject; a++)
                    {
                        var scale = scales[random.Next(scales.Length)];
                        var marks = new Dictionary<PersonId, Mark>(pupils.Length);
                        foreach (var pupil in pupils)
                        {
                            marks[pupil] = random.Next(50) == 0
                                ? Mark.Coded(random.Next(2) == 0 ? MarkCode.Absent : MarkCode.AbsentUnjustified)
                                : Mark.Of(random.Next((scale * 4) + 1) / 4m, scale);
                        }

                        changes.Insert(GradingRecords.Assessments.NewRecord(
                            course.Id.Value, Guid.CreateVersion7(), @class.Id.Value, _period.Id.Value, $"Devoir {a + 1}", _period.First.AddDays(7 + (7 * a)),
                            (long)scale, (double)(1 + random.Next(3)), (long)GradeItemKind.Normal, true, PackedMarks.Pack(marks)));
                        if (++pending == 1_000)
                        {
                            await _store.SaveAsync(_department.Id, changes);
                            changes = new RecordChanges();
                            pending = 0;
                        }
                    }
                }
            }
        }

        if (pending > 0)
        {
            await _store.SaveAsync(_department.Id, changes);
        }

        var check = await _close.ComputeAsync(_heads[0].Head, _heads[0].School, _period);
        if (check.Pupils.Count != ClassesPerSchool * TermCloseBenchmarks.PupilsPerClass || check.Subjects.Count != TermCloseBenchmarks.Subjects)
        {
            throw new InvalidOperationException($"The seeded school closes with {check.Pupils.Count} pupils and {check.Subjects.Count} subjects.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>The naive way: the period in one query, one row per mark, LINQ.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> NaiveReadAllAndLinq()
    {
        var records = await _store.QueryAsync(_department.Id, RecordQuery.From(GradingRecords.Assessments).Where("period", _period.Id.Value));
        var pupils = new Dictionary<PersonId, int>();
        var classes = new Dictionary<Guid, int>();
        var rows = new List<TermCloseBenchmarks.MarkRow>(records.Count * TermCloseBenchmarks.PupilsPerClass);
        var n = 0;
        foreach (var record in records)
        {
            var assessment = StoredGradebook.FromRecord(record);
            var @class = classes.TryGetValue(assessment.Class.Value, out var known) ? known : classes[assessment.Class.Value] = classes.Count;
            foreach (var (pupil, mark) in PackedMarks.Unpack(record.GetBytes("marks").Span, assessment.Scale))
            {
                var index = pupils.TryGetValue(pupil, out var seen) ? seen : pupils[pupil] = pupils.Count;
                rows.Add(new TermCloseBenchmarks.MarkRow(index, @class, _subjectOf[assessment.Course], n, mark.Counted, assessment.Scale, assessment.Coefficient));
            }

            n++;
        }

        return TermCloseBenchmarks.ComputeNaively([.. rows]);
    }

    /// <summary>Every school's head closes the period: the plugin's term close, reading its classes from the file.</summary>
    [Benchmark]
    public async Task<int> EverySchoolsTermClose()
    {
        var figures = 0;
        foreach (var (school, head) in _heads)
        {
            var closing = await _close.ComputeAsync(head, school, _period);
            figures += closing.Results.SubjectAverages.Length + closing.Results.OverallAverages.Length + closing.Results.AssessmentStatistics.Length;
        }

        return figures;
    }
}
