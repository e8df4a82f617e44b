using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Storage.Documents.Codec;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>Assessments stored at version 1 (each mark as its points and its code) become version 2 (each mark one whole number) when the host starts.</summary>
public sealed class AssessmentUpgradeTests
{
    [Fact]
    public void Version_1_is_the_shape_assessments_were_stored_with_before_marks_became_whole_numbers()
    {
        Assert.Equal(
            "{Course:(Value:guid),Id:guid,Class:(Value:guid),Period:(Value:guid),Title:string,Date:date,Scale:int,Coefficient:decimal,Kind:enum:Int32,Published:bool,"
            + "Marks:[(Pupil:(Value:guid),Mark:(Points:decimal?,Code:enum:Int32?))]}",
            DocumentShape.Describe(typeof(AssessmentDocumentV1)));
        Assert.EndsWith("Marks:[(Pupil:(Value:guid),Mark:(Stored:int))]}", DocumentShape.Describe(typeof(AssessmentDocument)), StringComparison.Ordinal);
    }

    [Fact]
    public void Upgrading_an_assessment_keeps_its_fields_every_mark_and_every_code()
    {
        var (first, second, third) = (PersonId.New(), PersonId.New(), PersonId.New());
        var old = new AssessmentDocumentV1(
            CourseId.New(), Guid.CreateVersion7(), ClassId.New(), PeriodId.New(), "Devoir 1", new DateOnly(2026, 10, 5), 20, 2m, GradeItemKind.Normal, true,
            [new(first, new(12.5m, null)), new(second, new(null, MarkCode.Absent)), new(third, new(20m, null))]);

        var upgraded = old.Upgrade();

        Assert.Equal(old.Title, upgraded.Title);
        Assert.Equal((old.Course, old.Id, old.Class, old.Period, old.Date, old.Scale, old.Coefficient, old.Published), (upgraded.Course, upgraded.Id, upgraded.Class, upgraded.Period, upgraded.Date, upgraded.Scale, upgraded.Coefficient, upgraded.Published));
        Assert.Equal([new PupilMark(first, Mark.Of(12.5m, 20)), new PupilMark(second, Mark.Coded(MarkCode.Absent)), new PupilMark(third, Mark.Of(20m, 20))], upgraded.Marks.ToArray());
    }
}
