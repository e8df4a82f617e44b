using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Plugins.Grading.Contracts;
using Ent.Sdk.Operations;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>The grading plugin's published read of a course's marks, checked as its own gradebook is: for those who mark the course.</summary>
internal sealed class GradedAssessments(IOperations operations) : IGradedAssessments
{
    public async Task<IReadOnlyList<GradedAssessment>> AssessmentsOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        var assessments = await work.Documents<AssessmentDocument>().Where(a => a.Course == course).ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. assessments.OrderBy(a => a.Date).ThenBy(a => a.Id).Select(a => new GradedAssessment(a.Id, a.Title, a.Date, a.Scale,
            [.. a.Marks.Where(m => m.Mark.Points is not null).Select(m => new GradedMark(m.Pupil, new Score(m.Mark.Points!.Value, a.Scale)))]))];
    }
}
