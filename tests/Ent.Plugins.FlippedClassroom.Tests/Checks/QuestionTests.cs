using Ent.Plugins.FlippedClassroom.Checks;

namespace Ent.Plugins.FlippedClassroom.Tests.Checks;

public class QuestionTests
{
    private static readonly Question Compare = Question.Choice("Quelle fraction est la plus grande ?", 1, "2/5", "3/5", "Elles sont égales");

    [Fact]
    public void A_choice_is_right_on_its_right_option_only()
    {
        Assert.Equal(Marking.Right, Scoring.Mark(Compare, new Answer(Compare.Id, Option: 1)));
        Assert.Equal(Marking.Wrong, Scoring.Mark(Compare, new Answer(Compare.Id, Option: 2)));
    }

    [Fact]
    public void A_number_is_right_within_its_tolerance()
    {
        var half = Question.Numeric("Combien vaut 1/2 en décimal ?", 0.5m, 0.01m);

        Assert.Equal(Marking.Right, Scoring.Mark(half, new Answer(half.Id, Number: 0.505m)));
        Assert.Equal(Marking.Wrong, Scoring.Mark(half, new Answer(half.Id, Number: 0.52m)));
    }

    [Fact]
    public void A_short_text_waits_for_the_teachers_mark()
    {
        var why = Question.ShortText("Pourquoi 2/4 = 1/2 ?");
        var answer = new Answer(why.Id, Text: "On multiplie en haut et en bas par 2");

        Assert.Equal(Marking.ToMark, Scoring.Mark(why, answer));
        Assert.Equal(Marking.Right, Scoring.Mark(why, answer, teacherMark: true));
        Assert.Equal(Marking.Wrong, Scoring.Mark(why, answer, teacherMark: false));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_choice_naming_an_option_it_does_not_have_is_refused(int correct)
    {
        var problem = Question.Choice("Laquelle ?", correct, "a", "b", "c").Problem();

        Assert.Contains("options 0 to 2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_needs_two_to_six_different_options()
    {
        Assert.Contains("offers 1 options", Question.Choice("Laquelle ?", 0, "a").Problem(), StringComparison.Ordinal);
        Assert.Contains("the same option twice", Question.Choice("Laquelle ?", 0, "a", "A").Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_that_does_not_fit_its_question_is_named()
    {
        Assert.Contains("one of its 3 options; 5 is not", Scoring.Problem(Compare, new Answer(Compare.Id, Option: 5)), StringComparison.Ordinal);
        Assert.Contains("is a number", Scoring.Problem(Question.Numeric("x ?", 1), new Answer(Guid.Empty, Text: "un")), StringComparison.Ordinal);
    }
}
