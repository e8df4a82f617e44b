using System.Collections.Immutable;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Mastery;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Plugins.PersonalisedLearning.Tests;

/// <summary>
/// A fractions course of 5e: "fractions équivalentes" comes first, "comparer des fractions" needs it, "additionner des fractions"
/// needs both. Its activities: a video and exercises on equivalent fractions; a lesson on comparing, an exit ticket whose score
/// below 50 % leads to a remedial drawing and from 80 % to a challenge; two equivalent ways to learn adding (a video or a text, the
/// pupil chooses); and a test on adding, gated on at least 50 % on the exit ticket.
/// </summary>
internal sealed class Fractions
{
    public Fractions(SchoolId? school = null, CourseAudience? audience = null, double threshold = CoursePlan.DefaultMasteryThreshold)
    {
        Video = Activity.Create("Vidéo : fractions égales", ActivityKind.Video);
        Simplify = Activity.Create("Exercices : simplifier", ActivityKind.Exercise);
        Lesson = Activity.Create("Leçon : comparer", ActivityKind.Exercise);
        Ticket = Activity.Create("Ticket de sortie", ActivityKind.Quiz);
        Drawing = Activity.Create("Remédiation : comparer avec un dessin", ActivityKind.Exercise);
        Challenge = Activity.Create("Défi : ranger des fractions", ActivityKind.Exercise);
        AddVideo = Activity.Create("Additionner : en vidéo", ActivityKind.Video);
        AddText = Activity.Create("Additionner : en texte", ActivityKind.Exercise);
        Test = Activity.Create("Contrôle : additionner", ActivityKind.Quiz);
        Course = new Course(CourseId.New(), school ?? SchoolId.New(), audience ?? CourseAudience.ForClass(ClassId.New()), new Subject("MATHS", "Mathématiques"), "Fractions",
            [new Sequence(SequenceId.New(), "Fractions", [Video, Simplify, Lesson, Ticket, Drawing, Challenge, AddVideo, AddText, Test])]);
        _threshold = threshold;
        var equivalent = new Skill(SkillId.New(), "fractions équivalentes", [], "D1.3", BktParameters.Default);
        var compare = new Skill(SkillId.New(), "comparer des fractions", [equivalent.Id], "D1.3", BktParameters.Default);
        UseSkills(equivalent, compare, new Skill(SkillId.New(), "additionner des fractions", [equivalent.Id, compare.Id], "D1.3", BktParameters.Default));
    }

    private readonly double _threshold;

    /// <summary>Uses the skills a school keeps (as its skill map saved them) in the graph and the plan.</summary>
    public void UseSkills(Skill equivalent, Skill compare, Skill add)
    {
        (Equivalent, Compare, Add) = (equivalent, compare, add);
        Graph = SkillGraph.Create([Add, Compare, Equivalent]);
        Plan = new CoursePlan(Course.Id, _threshold,
        [
            ActivityLink.For(Video.Id, ActivityRole.Learn, Equivalent.Id),
            ActivityLink.For(Simplify.Id, ActivityRole.Practice, Equivalent.Id),
            ActivityLink.For(Lesson.Id, ActivityRole.Learn, Compare.Id),
            ActivityLink.For(Ticket.Id, ActivityRole.ExitTicket, Compare.Id) with { Ranges = [new ScoreRange(0, 0.5, [Drawing.Id]), new ScoreRange(0.8, 1, [Challenge.Id])] },
            ActivityLink.For(Drawing.Id, ActivityRole.Remedial, Compare.Id),
            ActivityLink.For(Challenge.Id, ActivityRole.Enrichment, Compare.Id),
            ActivityLink.For(AddVideo.Id, ActivityRole.Learn, Add.Id) with { Choice = "additionner" },
            ActivityLink.For(AddText.Id, ActivityRole.Learn, Add.Id) with { Choice = "additionner" },
            ActivityLink.For(Test.Id, ActivityRole.Practice, Add.Id) with { Gate = ActivityGate.OnScore(Ticket.Id, 0.5) },
        ], []);
    }

    public Skill Equivalent { get; private set; } = null!;

    public Skill Compare { get; private set; } = null!;

    public Skill Add { get; private set; } = null!;

    public Activity Video { get; }

    public Activity Simplify { get; }

    public Activity Lesson { get; }

    public Activity Ticket { get; }

    public Activity Drawing { get; }

    public Activity Challenge { get; }

    public Activity AddVideo { get; }

    public Activity AddText { get; }

    public Activity Test { get; }

    public Course Course { get; }

    public SkillGraph Graph { get; private set; } = null!;

    public CoursePlan Plan { get; private set; } = null!;

    public CompiledPlan Compile(CoursePlan? plan = null) => CompiledPlan.Create(Course, Graph, plan ?? Plan);

    public ImmutableArray<Skill> Skills => [Equivalent, Compare, Add];
}
