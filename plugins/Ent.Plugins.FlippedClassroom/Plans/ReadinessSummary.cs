using System.Collections.Immutable;
using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Checks;

namespace Ent.Plugins.FlippedClassroom.Plans;

/// <summary>A pupil's answers to a check, with the teacher's marks of their short texts and the time they spent on the resources.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Answers">Their answers, one per question at most.</param>
/// <param name="TeacherMarks">The teacher's marks of their short texts, by question (true when right).</param>
/// <param name="TimeOnResources">The time spent on the resources, when the host knows it.</param>
internal sealed record PupilAnswers(PersonId Pupil, IReadOnlyList<Answer> Answers, IReadOnlyDictionary<Guid, bool> TeacherMarks, TimeSpan? TimeOnResources);

/// <summary>One question across the class: how many answered it and got it right, the wrong answer chosen most, what to do with it in class.</summary>
/// <param name="Question">The question.</param>
/// <param name="Answered">How many pupils answered it.</param>
/// <param name="Right">How many answered it right.</param>
/// <param name="ToMark">How many short texts the teacher has still to mark.</param>
/// <param name="ShareRight">Right answers over marked answers, from 0 to 1 (0 when none is marked).</param>
/// <param name="MostChosenWrong">The wrong answer given most (an option's text, a number), or null.</param>
/// <param name="MostChosenWrongCount">How many gave it.</param>
/// <param name="Suggestion">Peer instruction's suggestion for it.</param>
public sealed record QuestionSummary(Question Question, int Answered, int Right, int ToMark, double ShareRight, string? MostChosenWrong, int MostChosenWrongCount, Suggestion Suggestion);

/// <summary>One pupil's readiness.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Prepared">Whether they answered the check.</param>
/// <param name="Score">Their share of right answers among the marked ones, from 0 to 1; null when none is marked.</param>
/// <param name="Answered">How many questions they answered.</param>
/// <param name="TimeOnResources">The time they spent on the resources, when known.</param>
public sealed record PupilReadiness(PersonId Pupil, bool Prepared, double? Score, int Answered, TimeSpan? TimeOnResources);

/// <summary>
/// A class's readiness for a session, as the teacher reads it before class: who prepared and who did not, the distribution of
/// scores (quarters), the questions from the most missed, each with the wrong answer chosen most and peer instruction's suggestion.
/// </summary>
/// <param name="Pupils">Each pupil of the session, in the roster's order.</param>
/// <param name="Distribution">How many prepared pupils scored below 25 %, 25–50 %, 50–75 %, from 75 %.</param>
/// <param name="Questions">The questions, the most missed first (ties in the check's order; those with no marked answer last).</param>
public sealed record ReadinessSummary(ImmutableArray<PupilReadiness> Pupils, ImmutableArray<int> Distribution, ImmutableArray<QuestionSummary> Questions)
{
    /// <summary>The pupils who answered the check.</summary>
    public IEnumerable<PupilReadiness> Prepared => Pupils.Where(p => p.Prepared);

    /// <summary>The pupils who did not (known before class; their families are not told).</summary>
    public IEnumerable<PupilReadiness> NotPrepared => Pupils.Where(p => !p.Prepared);

    /// <summary>Sums up a check's answers.</summary>
    /// <param name="questions">The check's questions.</param>
    /// <param name="roster">The session's pupils.</param>
    /// <param name="answers">The answers given (pupils not in the roster are ignored).</param>
    internal static ReadinessSummary Of(IReadOnlyList<Question> questions, IReadOnlyList<PersonId> roster, IEnumerable<PupilAnswers> answers)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(answers);
        var byPupil = answers.Where(a => a.Answers.Count > 0).ToDictionary(a => a.Pupil);
        var byQuestion = questions.ToDictionary(q => q.Id);
        var right = new int[questions.Count];
        var answered = new int[questions.Count];
        var toMark = new int[questions.Count];
        var wrong = questions.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var position = questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var pupils = ImmutableArray.CreateBuilder<PupilReadiness>(roster.Count);
        var distribution = new int[4];
        foreach (var pupil in roster)
        {
            if (!byPupil.TryGetValue(pupil, out var given))
            {
                pupils.Add(new PupilReadiness(pupil, false, null, 0, null));
                continue;
            }

            var (marked, good, count) = (0, 0, 0);
            foreach (var answer in given.Answers)
            {
                if (!byQuestion.TryGetValue(answer.Question, out var question))
                {
                    continue; // a question the teacher has since removed
                }

                var q = position[answer.Question];
                count++;
                answered[q]++;
                switch (Scoring.Mark(question, answer, given.TeacherMarks.TryGetValue(answer.Question, out var mark) ? mark : null))
                {
                    case Marking.Right:
                        (right[q], marked, good) = (right[q] + 1, marked + 1, good + 1);
                        break;
                    case Marking.Wrong:
                        marked++;
                        if (Shown(question, answer) is { } shown)
                        {
                            wrong[q][shown] = wrong[q].GetValueOrDefault(shown) + 1;
                        }

                        break;
                    default:
                        toMark[q]++;
                        break;
                }
            }

            double? score = marked == 0 ? null : (double)good / marked;
            if (score is { } s)
            {
                distribution[Math.Min(3, (int)(s * 4))]++;
            }

            pupils.Add(new PupilReadiness(pupil, true, score, count, given.TimeOnResources));
        }

        var summaries = questions.Select((q, i) =>
        {
            var marked = answered[i] - toMark[i];
            var share = marked == 0 ? 0 : (double)right[i] / marked;
            var most = wrong[i].OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).FirstOrDefault();
            return new QuestionSummary(q, answered[i], right[i], toMark[i], share, most.Key, most.Value, PeerInstruction.For(share));
        }).Select((s, i) => (s, i)).OrderBy(p => p.s.Answered - p.s.ToMark == 0 ? 2 : p.s.ShareRight).ThenBy(p => p.i).Select(p => p.s); // nothing marked yet: last
        return new ReadinessSummary(pupils.ToImmutable(), [.. distribution], [.. summaries]);
    }

    private static string? Shown(Question question, Answer answer) => question.Kind switch
    {
        QuestionKind.Choice when answer.Option is { } o && o >= 0 && o < question.Options.Length => question.Options[o],
        QuestionKind.Numeric when answer.Number is { } n => n.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
