using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Plans;

namespace Ent.Plugins.FlippedClassroom.Tests.Plans;

public class ReadinessSummaryTests
{
    private static readonly Question Compare = Question.Choice("Quelle fraction est la plus grande ?", 1, "2/5", "3/5", "Elles sont égales");
    private static readonly Question Half = Question.Numeric("1/2 en décimal ?", 0.5m);
    private static readonly Question Why = Question.ShortText("Pourquoi 2/4 = 1/2 ?");
    private static readonly Question[] Check = [Compare, Half, Why];
    private readonly PersonId[] _roster = [.. Enumerable.Range(0, 5).Select(_ => PersonId.New())];

    private PupilAnswers Gave(int pupil, int option, decimal number, bool? why = null, int minutes = 10) =>
        new(_roster[pupil], [new Answer(Compare.Id, Option: option), new Answer(Half.Id, Number: number), new Answer(Why.Id, Text: "parce que")],
            why is { } mark ? new Dictionary<Guid, bool> { [Why.Id] = mark } : new Dictionary<Guid, bool>(), TimeSpan.FromMinutes(minutes));

    [Fact]
    public void Pupils_who_did_not_prepare_are_known_before_class()
    {
        var summary = ReadinessSummary.Of(Check, _roster, [Gave(0, 1, 0.5m), Gave(2, 0, 0.2m)]);

        Assert.Equal([_roster[1], _roster[3], _roster[4]], summary.NotPrepared.Select(p => p.Pupil));
        Assert.Equal(2, summary.Prepared.Count());
    }

    [Fact]
    public void The_most_missed_question_comes_first_with_the_wrong_answer_chosen_most()
    {
        var summary = ReadinessSummary.Of(Check, _roster, [Gave(0, 0, 0.5m), Gave(1, 0, 0.5m), Gave(2, 2, 0.5m), Gave(3, 1, 0.5m)]);

        var first = summary.Questions[0];
        Assert.Equal(Compare.Id, first.Question.Id);
        Assert.Equal((1, 4, 0.25), (first.Right, first.Answered, first.ShareRight));
        Assert.Equal(("2/5", 2), (first.MostChosenWrong, first.MostChosenWrongCount));
        Assert.Equal(Suggestion.ExplainAgain, first.Suggestion);
        Assert.Equal(Suggestion.MoveOn, summary.Questions.Single(q => q.Question.Id == Half.Id).Suggestion);
    }

    [Fact]
    public void Short_texts_count_once_the_teacher_has_marked_them()
    {
        var unmarked = ReadinessSummary.Of(Check, _roster, [Gave(0, 1, 0.5m)]);
        var marked = ReadinessSummary.Of(Check, _roster, [Gave(0, 1, 0.5m, why: false)]);

        Assert.Equal((1, 1.0), (unmarked.Questions.Single(q => q.Question.Id == Why.Id).ToMark, unmarked.Pupils[0].Score!.Value));
        Assert.Equal(2.0 / 3, marked.Pupils[0].Score!.Value, 12);
    }

    [Fact]
    public void The_distribution_counts_the_prepared_pupils_by_quarter_of_score()
    {
        var summary = ReadinessSummary.Of(Check, _roster, [Gave(0, 1, 0.5m, true), Gave(1, 0, 0.1m, false), Gave(2, 1, 0.1m, false), Gave(3, 1, 0.5m, false)]);

        Assert.Equal([1, 1, 1, 1], summary.Distribution.ToArray()); // 0, 1/3, 2/3 and 3/3 right
    }

    [Fact]
    public void The_time_on_resources_is_kept_when_the_host_knows_it()
    {
        var summary = ReadinessSummary.Of(Check, _roster, [Gave(0, 1, 0.5m, minutes: 12) with { TimeOnResources = null }, Gave(1, 1, 0.5m, minutes: 12)]);

        Assert.Equal([null, TimeSpan.FromMinutes(12)], summary.Prepared.Select(p => p.TimeOnResources));
    }
}
