using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Demo;
using Ent.Sdk.Localization;
using Ent.Sdk.Views;

namespace Ent.Plugins.Grading.Demo;

/// <summary>
/// The grading plugin's demonstration: three assessments of the demo course with every pupil's mark (one
/// absent, one corrected with a reason), published, competency evaluations and the teacher's comments; then the
/// first pupil's report card for the period and her mark history in the course. The marks are added once: a
/// course that already has marks in the period is left as it is.
/// </summary>
internal sealed class GradingDemo(IGradebook gradebook, IReportCards cards, History.IMarkHistoryView history, ILocalizedStrings strings, Ent.Core.Calendar.ISchoolCalendar calendar) : IDemoContributor
{
    private static readonly string[] Comments =
    [
        "Trimestre sérieux : un travail régulier et des progrès nets sur les fractions.",
        "Des résultats en progrès ; la participation orale doit encore gagner en assurance.",
        "Ensemble fragile : reprendre les leçons chaque soir et demander de l'aide sans attendre.",
        "Très bon trimestre, rigoureux et soigné. Continuez ainsi.",
    ];

    /// <inheritdoc />
    public async Task<DemoContribution> ContributeAsync(DemoContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var teacher = context.TeacherActor;
        var first = context.Learners[0];
        var existing = await gradebook.MarksOfAsync(teacher, first.Id, context.Course.Id, cancellationToken).ConfigureAwait(false);
        var added = 0;
        if (!existing.Any(m => m.Assessment.Period == context.Period.Id))
        {
            var days = DaysOf(context);
            var day = days[0];
            var tests = new (string Title, decimal Scale, decimal Coefficient)[] { ("Contrôle : fractions", 20, 2), ("Interrogation écrite", 10, 1), ("Exercice à la maison", 5, 1) };
            for (var t = 0; t < tests.Length; t++)
            {
                var (title, scale, coefficient) = tests[t];
                var assessment = await gradebook.CreateAssessmentAsync(teacher, new AssessmentDraft(context.Course.Id, context.Period.Id, title, days[t], scale, coefficient), cancellationToken).ConfigureAwait(false);
                var marks = new Dictionary<PersonId, Mark?>();
                for (var p = 0; p < context.Learners.Count; p++)
                {
                    marks[context.Learners[p].Id] = t == 1 && p == 1
                        ? Mark.Coded(MarkCode.Absent)
                        : Mark.Of(Math.Round(scale * (0.45m + (0.17m * ((p + (2 * t)) % 4))) * 4) / 4, scale);
                }

                await gradebook.RecordMarksAsync(teacher, context.Course.Id, assessment.Id, marks, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (t == 0)
                {
                    var corrected = new Dictionary<PersonId, Mark?> { [first.Id] = Mark.Of(marks[first.Id]!.Value.Points!.Value + 1, scale) };
                    await gradebook.RecordMarksAsync(teacher, context.Course.Id, assessment.Id, corrected, "Question 4 oubliée à la correction", cancellationToken).ConfigureAwait(false);
                }

                await gradebook.PublishAsync(teacher, context.Course.Id, assessment.Id, cancellationToken).ConfigureAwait(false);
                added += marks.Count;
            }

            for (var p = 0; p < context.Learners.Count; p++)
            {
                await gradebook.RecordCommentAsync(teacher, context.Course.Id, context.Period.Id, context.Learners[p].Id, Comments[p % Comments.Length], cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await gradebook.RecordCompetenciesAsync(teacher, context.Course.Id, context.Period.Id,
                [.. context.Learners.Select((l, p) => new CompetencyEvaluation(l.Id, SocleComponent.MathematicalLanguages, (MasteryLevel)(1 + ((p + 2) % 4)), day))],
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var scope = new ViewScope(context.School.Uai.Value, context.Language); // the school's overrides apply, in the reader's language
        var card = await cards.RenderAsync(teacher, first.Id, context.Class.Id, context.Period.Id, scope, cancellationToken).ConfigureAwait(false);
        var marksHistory = await history.RenderAsync(teacher, first.Id, context.Course.Id, scope, cancellationToken).ConfigureAwait(false);
        var pupil = $"{first.GivenName} {first.FamilyName}";
        var summary = added > 0
            ? strings.Get("grading", "demo.recorded", context.Language, added, pupil, context.Period.Name)
            : strings.Get("grading", "demo.already", context.Language, pupil, context.Period.Name);
        var name = $"{Slug(first.GivenName)}-{Slug(first.FamilyName)}";
        return new DemoContribution(summary, [new DemoDocument($"bulletin-{name}.html", card), new DemoDocument($"historique-notes-{name}.html", marksHistory)]);
    }

    /// <summary>
    /// A generated school's term of marks: most teachers (the school's uptake, from 55 % to all of them) give two assessments
    /// per course on school days of the part of the period the school has used the ENT, marked out of 20 or 10 around each
    /// pupil's own level, a few absent, published. A course that already has an assessment in the period is left as it is.
    /// </summary>
    public async Task ContributeAsync(GeneratedSchool school, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(school);
        var period = school.Period;
        var days = Ent.Core.Calendar.SchoolTime.SchoolDaysBetween(calendar, school.School.Id, school.From > period.First ? school.From : period.First, school.Until < period.Last ? school.Until : period.Last);
        if (days.Length < 4)
        {
            return; // too little of the period used yet for two assessments
        }

        var random = new Random(school.Seed);
        var uptake = 0.55 + (0.45 * random.NextDouble());
        foreach (var (@class, pupils, courses) in school.Classes)
        {
            foreach (var (course, teacher) in courses)
            {
                var actor = new Ent.Core.Access.Actor(teacher.Id, teacher.Department);
                var uses = random.NextDouble() < uptake;
                var (first, second) = (days[random.Next(days.Length / 2)], days[(days.Length / 2) + random.Next(days.Length - (days.Length / 2))]);
                if (!uses || (await gradebook.AssessmentsOfAsync(actor, course.Id, cancellationToken).ConfigureAwait(false)).Any(a => a.Period == school.Period.Id))
                {
                    continue;
                }

                foreach (var (day, title, scale) in new[] { (first, "Évaluation 1", 20m), (second, "Évaluation 2", 10m) })
                {
                    using (school.At(day, new TimeOnly(17, 30)))
                    {
                        var assessment = await gradebook.CreateAssessmentAsync(actor, new AssessmentDraft(course.Id, school.Period.Id, title, day, scale), cancellationToken).ConfigureAwait(false);
                        var marks = new Dictionary<PersonId, Mark?>();
                        foreach (var pupil in pupils)
                        {
                            marks[pupil.Id] = random.NextDouble() < 0.03 ? Mark.Coded(MarkCode.Absent) : Mark.Of(MarkAround(Level(pupil.Id), random, scale), scale);
                        }

                        await gradebook.RecordMarksAsync(actor, course.Id, assessment.Id, marks, cancellationToken: cancellationToken).ConfigureAwait(false);
                        await gradebook.PublishAsync(actor, course.Id, assessment.Id, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>A pupil's own level out of 1, from their id: the same in every course and at every generation.</summary>
    private static double Level(PersonId pupil) => 0.3 + (0.6 * (BitConverter.ToUInt16(pupil.Value.ToByteArray(), 0) / (double)ushort.MaxValue));

    /// <summary>A mark near the pupil's level, in quarter points, within the scale.</summary>
    private static decimal MarkAround(double level, Random random, decimal scale)
    {
        var points = (double)scale * Math.Clamp(level + ((random.NextDouble() - 0.5) * 0.3), 0, 1);
        return Math.Round((decimal)points * 4) / 4;
    }

    /// <summary>
    /// Three school days of the period for the demonstration's assessments: spread over the part of the period already
    /// past (never a holiday, a weekend or a day to come) when it holds enough of them, else its first school days.
    /// </summary>
    private DateOnly[] DaysOf(DemoContext context)
    {
        var school = context.School.Id;
        var period = context.Period;
        var schoolDays = Ent.Core.Calendar.SchoolTime.SchoolDaysBetween(calendar, school, period.First, period.Last);
        var past = schoolDays.Where(d => d < calendar.Today).ToArray();
        return past.Length >= 3
            ? [past[past.Length / 4], past[past.Length / 2], past[3 * past.Length / 4]]
            : [.. schoolDays.Take(3)];
    }

    private static string Slug(string name) =>
        new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
}
