using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.History;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>
/// Every rights-checked read and write of the grading plugin, called by a teacher (or the head) with their own class or
/// course and a pupil outside it: a pupil of another class of the school, or of another school. Each is refused, and
/// the outsider's marks, comments and competencies are not read or changed.
/// </summary>
public sealed class OutsideTheScopeTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private EntHost _host = null!;
    private IGradebook _gradebook = null!;
    private Period _term = null!;
    private Course _course4A = null!;
    private Person _teacherOf4A = null!;
    private Person _pupilElsewhere = null!;

    public async Task InitializeAsync()
    {
        _term = _world.Year.Periods[0];
        var yearDates = new DateRange(_world.Year.Dates.Begin, _world.Year.Dates.End);
        _course4A = new Course(CourseId.New(), _world.School.Id, CourseAudience.ForClass(_world.Class4A.Id), new Subject("MATHS", "Mathématiques"), "Puissances", []);
        await _world.Courses.SaveAsync(_world.Department.Id, _course4A);
        _teacherOf4A = new Person(PersonId.New(), _world.Department.Id, "Émilie", "du Châtelet");
        _world.Directory.Add(_teacherOf4A);
        _world.Directory.Add(new RoleAssignment(_teacherOf4A.Id, Role.Teacher, _world.Directory.ScopeOf(_world.Class4A.Id), yearDates));
        var classElsewhere = new SchoolClass(ClassId.New(), _world.OtherSchool.Id, _world.Year.Id, "5e A");
        _pupilElsewhere = new Person(PersonId.New(), _world.Department.Id, "Noé", "Garnier");
        _world.Directory.Add(classElsewhere);
        _world.Directory.Add(_pupilElsewhere);
        _world.Directory.Add(Enrolment.InClass(_pupilElsewhere.Id, classElsewhere, yearDates));

        _host = await GradingHost.StartAsync(_world);
        _gradebook = _host.Services.GetRequiredService<IGradebook>();

        // The 4A pupil has a mark, a comment and a competency evaluation in her own class.
        var test = await _gradebook.CreateAssessmentAsync(As(_teacherOf4A), new AssessmentDraft(_course4A.Id, _term.Id, "Puissances", new DateOnly(2026, 11, 20)));
        await _gradebook.RecordMarksAsync(As(_teacherOf4A), _course4A.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.LearnerOf4A.Id] = Mark.Of(17m, 20) });
        await _gradebook.PublishAsync(As(_teacherOf4A), _course4A.Id, test.Id);
        await _gradebook.RecordCommentAsync(As(_teacherOf4A), _course4A.Id, _term.Id, _world.LearnerOf4A.Id, "Très bon trimestre.");
        await _gradebook.RecordCompetenciesAsync(As(_teacherOf4A), _course4A.Id, _term.Id,
            [new(_world.LearnerOf4A.Id, SocleComponent.MathematicalLanguages, MasteryLevel.VeryGood, new DateOnly(2026, 11, 20), test.Id)]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> Reads => new()
    {
        { "positions", "another class" }, { "positions", "another school" },
        { "marks", "another class" }, { "marks", "another school" },
        { "history", "another class" }, { "history", "another school" },
        { "history page", "another class" }, { "history page", "another school" },
        { "report card", "another class" }, { "report card", "another school" },
        { "report card page", "another class" }, { "report card page", "another school" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_read_naming_ones_own_class_with_a_pupil_outside_it_is_refused(string read, string outside)
    {
        var (actor, pupil) = Outsider(outside);

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Read(read, actor, pupil));

        Assert.Equal(pupil, error.Subject);
        Assert.Contains("is not in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pupils_own_teacher_still_reads_her_positions()
    {
        var positions = await _gradebook.PositionsOfAsync(As(_teacherOf4A), _world.LearnerOf4A.Id, _world.Class4A.Id, _term.Id);

        Assert.Equal(MasteryLevel.VeryGood, positions.Single(p => p.Component == SocleComponent.MathematicalLanguages).Period);
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "marks", "another class" }, { "marks", "another school" },
        { "comment", "another class" }, { "comment", "another school" },
        { "competencies", "another class" }, { "competencies", "another school" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_in_ones_own_course_for_a_pupil_outside_it_is_refused_naming_them_and_changes_nothing(string write, string outside)
    {
        var (actor, pupil) = Outsider(outside);
        var test = await _gradebook.CreateAssessmentAsync(As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _term.Id, "Fractions", new DateOnly(2026, 11, 20)));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => write switch
        {
            "marks" => _gradebook.RecordMarksAsync(actor, _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [pupil] = Mark.Of(3m, 20) }),
            "comment" => _gradebook.RecordCommentAsync(actor, _world.MathsCourse.Id, _term.Id, pupil, "Insuffisant."),
            _ => _gradebook.RecordCompetenciesAsync(actor, _world.MathsCourse.Id, _term.Id, [new(pupil, SocleComponent.MathematicalLanguages, MasteryLevel.Insufficient, new DateOnly(2026, 11, 20))]),
        });

        Assert.True(error is AccessDeniedException or ArgumentException, $"{error.GetType().Name}: {error.Message}");
        Assert.Contains(pupil.Value.ToString(), error.Message, StringComparison.Ordinal);
        var own = await _gradebook.PositionsOfAsync(As(_teacherOf4A), _world.LearnerOf4A.Id, _world.Class4A.Id, _term.Id);
        Assert.Equal(1, own.Single(p => p.Component == SocleComponent.MathematicalLanguages).Evaluations);
        Assert.Equal([17m], (await _gradebook.MarksOfAsync(As(_teacherOf4A), _world.LearnerOf4A.Id, _course4A.Id)).Select(m => m.Mark.Points!.Value));
    }

    private (Actor Actor, PersonId Pupil) Outsider(string outside) => outside == "another class"
        ? (As(_world.Teacher), _world.LearnerOf4A.Id)
        : (As(_world.Head), _pupilElsewhere.Id);

    private async Task Read(string read, Actor actor, PersonId pupil)
    {
        var cards = _host.Services.GetRequiredService<IReportCards>();
        var history = _host.Services.GetRequiredService<IMarkHistoryView>();
        switch (read)
        {
            case "positions": await _gradebook.PositionsOfAsync(actor, pupil, _world.Class5B.Id, _term.Id); break;
            case "marks": await _gradebook.MarksOfAsync(actor, pupil, _world.MathsCourse.Id); break;
            case "history": await _gradebook.HistoryOfAsync(actor, pupil, _world.MathsCourse.Id); break;
            case "history page": await history.RenderAsync(actor, pupil, _world.MathsCourse.Id); break;
            case "report card": await cards.ForPupilAsync(actor, pupil, _world.Class5B.Id, _term.Id); break;
            default: await cards.RenderAsync(actor, pupil, _world.Class5B.Id, _term.Id); break;
        }
    }

    private static Actor As(Person person) => TestWorld.As(person);
}
