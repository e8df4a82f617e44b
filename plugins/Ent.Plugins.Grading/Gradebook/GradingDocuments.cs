using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Marks;
using Ent.Sdk.Plugins;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>An assessment with its class's marks, as the gradebook keeps it: a class's gradebook is read by (class, period).</summary>
internal sealed record AssessmentDocument(
    CourseId Course, Guid Id, ClassId Class, PeriodId Period, string Title, DateOnly Date, int Scale, decimal Coefficient, GradeItemKind Kind, bool Published,
    ImmutableArray<PupilMark> Marks)
{
    public Assessment ToAssessment() => new(Id, Course, Class, Period, Title, Date, Scale, Coefficient, Kind, Published);

    public Mark? MarkOf(PersonId pupil)
    {
        foreach (var mark in Marks)
        {
            if (mark.Pupil == pupil)
            {
                return mark.Mark;
            }
        }

        return null;
    }
}

/// <summary>One pupil's mark in an assessment.</summary>
internal readonly record struct PupilMark(PersonId Pupil, Mark Mark);

/// <summary>Version 1 of the assessments: each mark kept as its points and its code (version 2 keeps it in one whole number).</summary>
internal sealed record AssessmentDocumentV1(
    CourseId Course, Guid Id, ClassId Class, PeriodId Period, string Title, DateOnly Date, int Scale, decimal Coefficient, GradeItemKind Kind, bool Published,
    ImmutableArray<AssessmentDocumentV1.PupilMarkV1> Marks)
{
    public readonly record struct PupilMarkV1(PersonId Pupil, MarkV1 Mark);

    public readonly record struct MarkV1(decimal? Points, MarkCode? Code);

    public AssessmentDocument Upgrade() => new(Course, Id, Class, Period, Title, Date, Scale, Coefficient, Kind, Published,
        [.. Marks.Select(m => new PupilMark(m.Pupil, m.Mark.Code is { } code ? Mark.Coded(code) : Mark.Of(m.Mark.Points!.Value, Scale)))]);
}

/// <summary>One change of a pupil's mark, kept beside the assessment; <paramref name="Version"/> is the assessment's version it made.</summary>
internal sealed record MarkChangeDocument(Guid Assessment, Guid Id, PersonId Pupil, long Version, PersonId Actor, DateTimeOffset At, string? OldValue, string? NewValue, string? Reason)
{
    public MarkChange ToChange() => new(Assessment, Pupil, Actor, At, OldValue, NewValue, Reason) { Version = Version };
}

/// <summary>A period closed for a class, with the averaging rule and version its averages keep.</summary>
internal sealed record ClosureDocument(ClassId Class, PeriodId Period, DateTimeOffset ClosedAt, PersonId ClosedBy, string Rule, int RuleVersion);

/// <summary>An evaluation of one of the socle's components.</summary>
internal sealed record CompetencyDocument(
    PersonId Pupil, Guid Id, ClassId Class, PeriodId Period, CourseId Course, Guid? Assessment, SocleComponent Component, MasteryLevel Level, DateOnly Date, PersonId Actor);

/// <summary>The teacher's comment (appréciation) on a pupil in a course for a period.</summary>
internal sealed record CommentDocument(CourseId Course, PeriodId Period, PersonId Pupil, ClassId Class, string Text, PersonId Author, DateTimeOffset At);

/// <summary>The grading plugin's documents, their keys and the indexes its reads use.</summary>
/// <summary>The class council's appraisal of a pupil for a period, written by the head of school.</summary>
internal sealed record AppraisalDocument(ClassId Class, PeriodId Period, PersonId Pupil, string Text, PersonId Author, DateTimeOffset At);

internal static class GradingDocuments
{
    /// <summary>The longest comment a teacher may write on a pupil, in characters (a report card's box).</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>The most marks an assessment holds (a class of up to 200 pupils).</summary>
    public const int MaxMarks = 200;

    public static PluginServiceContext AddGradingDocuments(this PluginServiceContext context) => context
        .AddDocuments<AssessmentDocument>("assessments", d => d
            .Key(a => new { a.Course, a.Id })
            .Index(a => new { a.Class, a.Period })
            .Upgrade<AssessmentDocumentV1, AssessmentDocument>(1, old => old.Upgrade()))
        .AddDocuments<MarkChangeDocument>("mark-changes", d => d.Key(c => new { c.Assessment, c.Id }).Index(c => c.Pupil))
        .AddDocuments<ClosureDocument>("closures", d => d.Key(c => new { c.Class, c.Period }))
        .AddDocuments<CompetencyDocument>("competencies", d => d.Key(c => new { c.Pupil, c.Id }).Index(c => new { c.Class, c.Period }))
        .AddDocuments<CommentDocument>("comments", d => d.Key(c => new { c.Course, c.Period, c.Pupil }).Index(c => new { c.Class, c.Period }))
        .AddDocuments<AppraisalDocument>("council-appraisals", d => d.Key(a => new { a.Class, a.Period, a.Pupil }));
}
