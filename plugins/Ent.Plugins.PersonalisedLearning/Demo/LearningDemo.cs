using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.Plugins.PersonalisedLearning.Udl;
using Ent.Sdk.Demo;
using Ent.Sdk.Localization;

namespace Ent.Plugins.PersonalisedLearning.Demo;

/// <summary>
/// The personalised-learning demonstration, on the demo class's fractions course: three skills of the school (the vocabulary of
/// fractions, equal fractions, comparing fractions), the course's activities linked to them (the video and the reading as a choice,
/// the readiness quiz as an exit ticket leading the pupils below 50 % to the exercises, the workshop needing equal fractions), the
/// gradebook's assessments linked (their marks become evidence), the reading in text, easy read, Ukrainian and printable versions,
/// and each pupil's answers as they would give them: the first at ease, the second struggling, the third in between, so that the
/// class's paths differ for reasons the pages explain. Built once: a course that has a plan is left as it is.
/// </summary>
internal sealed class LearningDemo(ISkillMaps maps, ILearningPaths paths, IUniversalDesign design, ILocalizedStrings strings) : IDemoContributor
{
    /// <summary>Each pupil's answers, in order: the activity's position in the course and the score; answers to a locked activity are not given.</summary>
    private static readonly (int Activity, double Score)[][] Answers =
    [
        [(0, 1), (0, 1), (1, 1), (0, 1), (2, 0.9), (2, 1), (3, 0.8)],
        [(1, 1), (1, 0), (1, 1), (1, 1), (1, 1), (2, 0.3), (4, 0), (4, 1)],
        [(0, 1), (0, 1), (0, 0), (0, 1), (0, 1), (0, 1), (2, 0.6)],
    ];

    public async Task<DemoContribution> ContributeAsync(DemoContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var teacher = context.TeacherActor;
        var course = context.Course;
        var map = await maps.MapOfAsync(teacher, course.Id, cancellationToken).ConfigureAwait(false);
        if (!map.Plan.Activities.IsEmpty || course.Activities.Count() < 5)
        {
            return new DemoContribution(strings.Get("learning", "demo.already", context.Language, course.Title), []);
        }

        var existing = map.Skills.ToDictionary(s => s.Skill.Name, s => s.Skill);
        async Task<Skill> SkillAsync(string name, params Skill[] needs) =>
            existing.TryGetValue(name, out var found) ? found : await maps.SaveSkillAsync(teacher, course.Id, new SkillDraft(null, name, [.. needs.Select(n => n.Id)], "D1.3"), cancellationToken).ConfigureAwait(false);
        var vocabulary = await SkillAsync("le vocabulaire des fractions").ConfigureAwait(false);
        var equal = await SkillAsync("fractions égales", vocabulary).ConfigureAwait(false);
        var compare = await SkillAsync("comparer des fractions", equal).ConfigureAwait(false);

        var a = course.Activities.ToArray(); // video, reading, readiness quiz, workshop, exercises
        var plan = map.Plan with
        {
            Activities =
            [
                ActivityLink.For(a[0].Id, ActivityRole.Learn, vocabulary.Id) with { Choice = "découvrir" },
                ActivityLink.For(a[1].Id, ActivityRole.Learn, vocabulary.Id) with { Choice = "découvrir" },
                ActivityLink.For(a[2].Id, ActivityRole.ExitTicket, equal.Id) with { Ranges = [new ScoreRange(0, 0.5, [a[4].Id])] },
                ActivityLink.For(a[3].Id, ActivityRole.Practice, compare.Id),
                ActivityLink.For(a[4].Id, ActivityRole.Remedial, equal.Id),
            ],
            Assessments = [.. map.Assessments.Take(2).Select((m, i) => new AssessmentLink(m.Id, m.Title, i == 0 ? [equal.Id, compare.Id] : [equal.Id]))],
        };
        await maps.SavePlanAsync(teacher, plan, cancellationToken).ConfigureAwait(false);

        var reading = a[1].Id;
        await design.SaveRepresentationAsync(teacher, course.Id, reading, new RepresentationDraft(RepresentationKind.Text,
            "Une **fraction** partage une unité en parts égales : dans $\\frac{3}{4}$, le dénominateur 4 dit en combien de parts on partage, le numérateur 3 combien on en prend."), cancellationToken).ConfigureAwait(false);
        await design.SaveRepresentationAsync(teacher, course.Id, reading, new RepresentationDraft(RepresentationKind.Simplified,
            "On coupe un gâteau en 4 parts pareilles.\n\nOn mange 3 parts.\n\nOn a mangé **3 quarts** du gâteau. On écrit 3/4."), cancellationToken).ConfigureAwait(false);
        await design.SaveRepresentationAsync(teacher, course.Id, reading, new RepresentationDraft(RepresentationKind.Translation,
            "**Дріб** ділить ціле на рівні частини: у 3/4 знаменник 4 показує, на скільки частин ділимо, а чисельник 3 — скільки частин беремо.", Language: "uk"), cancellationToken).ConfigureAwait(false);
        await design.SaveRepresentationAsync(teacher, course.Id, reading, new RepresentationDraft(RepresentationKind.Printable,
            "# Les fractions\n\n1. Une fraction partage une unité en parts égales.\n2. Le dénominateur dit en combien de parts.\n3. Le numérateur dit combien on en prend.\n\nExercice : colorie les 3/4 d'un rectangle."), cancellationToken).ConfigureAwait(false);
        await design.SaveRepresentationAsync(teacher, course.Id, a[0].Id, new RepresentationDraft(RepresentationKind.Text,
            "Transcription de la vidéo : « Prenons une pizza coupée en huit parts égales… »"), cancellationToken).ConfigureAwait(false);

        var learners = context.Learners;
        // Profiles set by the pupils themselves: the second reads better with a dyslexia-friendly display and audio; the third is allophone.
        if (learners.Count > 1)
        {
            await design.SetProfileAsync(new Ent.Core.Access.Actor(learners[1].Id, learners[1].Department), learners[1].Id, AccessibilityProfile.None with { DyslexiaFriendly = true, AudioFirst = true }, cancellationToken).ConfigureAwait(false);
        }

        if (learners.Count > 2)
        {
            await design.SetProfileAsync(new Ent.Core.Access.Actor(learners[2].Id, learners[2].Department), learners[2].Id, AccessibilityProfile.None with { Language = "uk", SimplifiedText = true }, cancellationToken).ConfigureAwait(false);
        }

        var answers = 0;
        for (var p = 0; p < learners.Count; p++)
        {
            var pupil = learners[p];
            var actor = new Ent.Core.Access.Actor(pupil.Id, pupil.Department);
            var script = Answers[p % Answers.Length];
            for (var i = 0; i < script.Length; i++)
            {
                var (activity, score) = script[i];
                try
                {
                    await paths.RecordAnswerAsync(actor, course.Id, a[activity].Id, pupil.Id, new ActivityAnswer($"demo-{i}", score), cancellationToken).ConfigureAwait(false);
                    answers++;
                }
                catch (ActivityLockedException)
                {
                    // The pupil's path keeps it locked: they would not have reached it.
                }
            }
        }

        var marks = map.Assessments.Take(2).Sum(m => m.Marks);
        return new DemoContribution(strings.Get("learning", "demo.built", context.Language, course.Title, 3, plan.Activities.Length, answers, marks), []);
    }
}
