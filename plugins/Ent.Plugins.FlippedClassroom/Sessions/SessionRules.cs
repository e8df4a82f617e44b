using System.Collections.Immutable;
using Ent.Plugins.FlippedClassroom.Checks;

namespace Ent.Plugins.FlippedClassroom.Sessions;

/// <summary>What makes a teacher's draft valid and a pupil's answers fit their questions; each refusal names the offending value.</summary>
internal static class SessionRules
{
    public static FlippedSessionDraft Checked(FlippedSessionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var title = draft.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > Resource.MaxTitleLength)
        {
            throw new ArgumentException($"A flipped session's title has 1 to {Resource.MaxTitleLength} characters; '{draft.Title}' does not.", nameof(draft));
        }

        var resources = draft.Resources.IsDefault ? [] : draft.Resources;
        if (resources.Length > FlippedSessionDraft.MaxResources)
        {
            throw new ArgumentException($"A flipped session has at most {FlippedSessionDraft.MaxResources} resources; this one has {resources.Length}.", nameof(draft));
        }

        foreach (var resource in resources)
        {
            Check(resource);
        }

        var check = draft.Check.IsDefault ? [] : draft.Check;
        if (check.Length is 0 or > FlippedSessionDraft.MaxCheckQuestions)
        {
            throw new ArgumentException($"A readiness check has 1 to {FlippedSessionDraft.MaxCheckQuestions} questions; this one has {check.Length}.", nameof(draft));
        }

        var exit = draft.ExitTicket.IsDefault ? [] : draft.ExitTicket;
        if (exit.Length > FlippedSessionDraft.MaxExitQuestions)
        {
            throw new ArgumentException($"An exit ticket has at most {FlippedSessionDraft.MaxExitQuestions} questions; this one has {exit.Length}.", nameof(draft));
        }

        foreach (var question in check.Concat(exit))
        {
            if (question.Problem() is { } problem)
            {
                throw new ArgumentException(problem, nameof(draft));
            }
        }

        if (check.Concat(exit).Select(q => q.Id).Distinct().Count() != check.Length + exit.Length)
        {
            throw new ArgumentException("Each question of a flipped session has its own id; two share one.", nameof(draft));
        }

        SessionTiming.CheckRanges(draft.HoursBefore, draft.ExitTicketDays);

        var inClass = (draft.InClass.IsDefault ? [] : draft.InClass).Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).ToImmutableArray();
        if (inClass.Length > FlippedSessionDraft.MaxInClass || inClass.Any(a => a.Length > FlippedSessionDraft.MaxActivityLength))
        {
            throw new ArgumentException($"A session has at most {FlippedSessionDraft.MaxInClass} activities in class, each of at most {FlippedSessionDraft.MaxActivityLength} characters.", nameof(draft));
        }

        var homework = string.IsNullOrWhiteSpace(draft.Homework) ? null : draft.Homework.Trim();
        if (homework is { Length: > FlippedSessionDraft.MaxHomeworkLength })
        {
            throw new ArgumentException($"The homework has at most {FlippedSessionDraft.MaxHomeworkLength} characters; this one has {homework.Length}.", nameof(draft));
        }

        return new FlippedSessionDraft(title, resources, check, draft.HoursBefore, inClass, exit, draft.ExitTicketDays, homework);
    }

    public static ImmutableArray<Answer> Checked(IReadOnlyList<Question> questions, IReadOnlyList<Answer> answers, CheckPart part)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            throw new ArgumentException(part == CheckPart.Readiness ? "Answer at least one question of the readiness check." : "Answer at least one question of the exit ticket.", nameof(answers));
        }

        var byId = questions.ToDictionary(q => q.Id);
        var seen = new HashSet<Guid>();
        foreach (var answer in answers)
        {
            ArgumentNullException.ThrowIfNull(answer, nameof(answers));
            if (!byId.TryGetValue(answer.Question, out var question))
            {
                throw new ArgumentException($"Question {answer.Question} is not one of this {(part == CheckPart.Readiness ? "readiness check" : "exit ticket")}.", nameof(answers));
            }

            if (!seen.Add(answer.Question))
            {
                throw new ArgumentException($"Question '{question.Prompt}' is answered twice.", nameof(answers));
            }

            if (Scoring.Problem(question, answer) is { } problem)
            {
                throw new ArgumentException(problem, nameof(answers));
            }
        }

        return [.. answers.Select(a => a with { Text = a.Text?.Trim() })];
    }

    private static void Check(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (string.IsNullOrWhiteSpace(resource.Title) || resource.Title.Length > Resource.MaxTitleLength)
        {
            throw new ArgumentException($"A resource's title has 1 to {Resource.MaxTitleLength} characters; '{resource.Title}' does not.", nameof(resource));
        }

        if (resource.Url is null == resource.Text is null)
        {
            throw new ArgumentException($"Resource '{resource.Title}' is a link or a text, one of them.", nameof(resource));
        }

        if (resource.Url is { } url && !IsAllowed(url))
        {
            throw new ArgumentException($"Resource '{resource.Title}' links to an https address or a path in the ENT; '{url}' is neither.", nameof(resource));
        }

        if (resource.Text is { Length: 0 or > Resource.MaxTextLength })
        {
            throw new ArgumentException($"Resource '{resource.Title}' has a text of 1 to {Resource.MaxTextLength} characters; it has {resource.Text.Length}.", nameof(resource));
        }

        if (resource.Minutes is < 1 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(resource), resource.Minutes, $"Resource '{resource.Title}' takes 1 to 120 minutes; {resource.Minutes} is not that.");
        }
    }

    private static bool IsAllowed(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host));
}
