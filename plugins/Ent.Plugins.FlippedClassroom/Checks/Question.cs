using System.Collections.Immutable;
using System.Globalization;

namespace Ent.Plugins.FlippedClassroom.Checks;

/// <summary>How a question is answered.</summary>
public enum QuestionKind
{
    /// <summary>One option among several.</summary>
    Choice,

    /// <summary>A number, right within a tolerance.</summary>
    Numeric,

    /// <summary>A short text, marked by the teacher.</summary>
    ShortText,
}

/// <summary>A question of a readiness check or an exit ticket.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">How it is answered.</param>
/// <param name="Prompt">The question (1 to 500 characters).</param>
/// <param name="Options">For a choice: the options (2 to 6); empty otherwise.</param>
/// <param name="CorrectOption">For a choice: the right option's position, from 0.</param>
/// <param name="Expected">For a number: the right answer.</param>
/// <param name="Tolerance">For a number: how far from it an answer is still right (0 for exactly).</param>
public sealed record Question(Guid Id, QuestionKind Kind, string Prompt, ImmutableArray<string> Options, int? CorrectOption, decimal? Expected, decimal Tolerance)
{
    /// <summary>The longest prompt or option, in characters.</summary>
    public const int MaxTextLength = 500;

    /// <summary>A multiple-choice question.</summary>
    /// <param name="prompt">The question.</param>
    /// <param name="correct">The right option's position.</param>
    /// <param name="options">The options.</param>
    public static Question Choice(string prompt, int correct, params string[] options) => new(Guid.CreateVersion7(), QuestionKind.Choice, prompt, [.. options], correct, null, 0);

    /// <summary>A numeric question.</summary>
    /// <param name="prompt">The question.</param>
    /// <param name="expected">The right answer.</param>
    /// <param name="tolerance">How far from it an answer is still right.</param>
    public static Question Numeric(string prompt, decimal expected, decimal tolerance = 0) => new(Guid.CreateVersion7(), QuestionKind.Numeric, prompt, [], null, expected, tolerance);

    /// <summary>A short-text question, which the teacher marks.</summary>
    /// <param name="prompt">The question.</param>
    public static Question ShortText(string prompt) => new(Guid.CreateVersion7(), QuestionKind.ShortText, prompt, [], null, null, 0);

    /// <summary>Why the question cannot be asked, or null when it can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Prompt) || Prompt.Length > MaxTextLength)
        {
            return $"A question has 1 to {MaxTextLength} characters; '{Prompt}' does not.";
        }

        return Kind switch
        {
            QuestionKind.Choice when Options.IsDefault || Options.Length is < 2 or > 6 => $"Question '{Prompt}' offers {(Options.IsDefault ? 0 : Options.Length)} options; a choice offers 2 to 6.",
            QuestionKind.Choice when Options.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > MaxTextLength) => $"An option of question '{Prompt}' is empty or longer than {MaxTextLength} characters.",
            QuestionKind.Choice when Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Options.Length => $"Question '{Prompt}' offers the same option twice.",
            QuestionKind.Choice when CorrectOption is not { } right || right < 0 || right >= Options.Length => $"Question '{Prompt}' names option {CorrectOption?.ToString(CultureInfo.InvariantCulture) ?? "none"} as the right one; it has options 0 to {Options.Length - 1}.",
            QuestionKind.Numeric when Expected is null => $"Numeric question '{Prompt}' has no right answer.",
            QuestionKind.Numeric when Tolerance < 0 => $"Numeric question '{Prompt}' has a negative tolerance ({Tolerance.ToString(CultureInfo.InvariantCulture)}).",
            _ when !Enum.IsDefined(Kind) => $"'{Kind}' is not a kind of question.",
            _ => null,
        };
    }
}

/// <summary>A pupil's answer to one question: an option, a number or a text, as the question asks.</summary>
/// <param name="Question">The question.</param>
/// <param name="Option">The option chosen, for a choice.</param>
/// <param name="Number">The number, for a numeric question.</param>
/// <param name="Text">The text, for a short-text question.</param>
public sealed record Answer(Guid Question, int? Option = null, decimal? Number = null, string? Text = null)
{
    /// <summary>The longest short text, in characters.</summary>
    public const int MaxTextLength = 1_000;
}

/// <summary>Where an answer stands.</summary>
public enum Marking
{
    /// <summary>Right.</summary>
    Right,

    /// <summary>Wrong.</summary>
    Wrong,

    /// <summary>A short text the teacher has not marked yet.</summary>
    ToMark,
}

/// <summary>Marks answers: a choice and a number by the question's key, a short text by the teacher's mark.</summary>
internal static class Scoring
{
    /// <summary>Marks an answer.</summary>
    /// <param name="question">The question.</param>
    /// <param name="answer">The answer, of that question.</param>
    /// <param name="teacherMark">For a short text: the teacher's mark (right or not), or null while unmarked.</param>
    public static Marking Mark(Question question, Answer answer, bool? teacherMark = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        return question.Kind switch
        {
            QuestionKind.Choice => answer.Option == question.CorrectOption ? Marking.Right : Marking.Wrong,
            QuestionKind.Numeric => answer.Number is { } n && Math.Abs(n - question.Expected!.Value) <= question.Tolerance ? Marking.Right : Marking.Wrong,
            _ => teacherMark switch { true => Marking.Right, false => Marking.Wrong, null => Marking.ToMark },
        };
    }

    /// <summary>Why an answer does not fit its question, or null when it does.</summary>
    /// <param name="question">The question.</param>
    /// <param name="answer">The answer.</param>
    public static string? Problem(Question question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        return question.Kind switch
        {
            QuestionKind.Choice when answer.Option is not { } o || o < 0 || o >= question.Options.Length => $"The answer to '{question.Prompt}' is one of its {question.Options.Length} options; {answer.Option?.ToString(CultureInfo.InvariantCulture) ?? "none"} is not.",
            QuestionKind.Numeric when answer.Number is null => $"The answer to '{question.Prompt}' is a number.",
            QuestionKind.ShortText when string.IsNullOrWhiteSpace(answer.Text) || answer.Text.Length > Answer.MaxTextLength => $"The answer to '{question.Prompt}' is a text of 1 to {Answer.MaxTextLength} characters.",
            _ => null,
        };
    }
}
