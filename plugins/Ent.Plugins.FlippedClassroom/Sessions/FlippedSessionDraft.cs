using System.Collections.Immutable;
using Ent.Plugins.FlippedClassroom.Checks;

namespace Ent.Plugins.FlippedClassroom.Sessions;

/// <summary>A resource pupils study before class: a link (a video, a page) or a text the teacher writes in Markdown.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title (1 to 120 characters).</param>
/// <param name="Url">An https address or a path in the ENT, or null for a text.</param>
/// <param name="Text">The text, in Markdown (rendered safely), or null for a link.</param>
/// <param name="Minutes">How long the teacher expects it to take, 1 to 120 minutes, or null.</param>
public sealed record Resource(Guid Id, string Title, string? Url, string? Text, int? Minutes)
{
    /// <summary>The longest title, in characters.</summary>
    public const int MaxTitleLength = 120;

    /// <summary>The longest text, in characters.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>A link.</summary>
    /// <param name="title">Its title.</param>
    /// <param name="url">Its address.</param>
    /// <param name="minutes">How long it takes.</param>
    public static Resource Link(string title, string url, int? minutes = null) => new(Guid.CreateVersion7(), title, url, null, minutes);

    /// <summary>A text.</summary>
    /// <param name="title">Its title.</param>
    /// <param name="markdown">Its text, in Markdown.</param>
    /// <param name="minutes">How long it takes.</param>
    public static Resource Written(string title, string markdown, int? minutes = null) => new(Guid.CreateVersion7(), title, null, markdown, minutes);
}

/// <summary>
/// What a teacher writes for a flipped session: before class, the resources and the readiness check, due so many hours before the
/// session; in class, the activities in order; after class, the exit ticket (open so many days) and the homework.
/// </summary>
/// <param name="Title">The session's title (1 to 120 characters).</param>
/// <param name="Resources">What to study before class (at most 10).</param>
/// <param name="Check">The readiness check (1 to 20 questions).</param>
/// <param name="HoursBefore">How many hours before class the check is due (1 to 72).</param>
/// <param name="InClass">The activities in class, in order (at most 20, each up to 500 characters).</param>
/// <param name="ExitTicket">The exit ticket (at most 10 questions; none for no ticket).</param>
/// <param name="ExitTicketDays">How many days after the session the exit ticket stays open (0 to 14).</param>
/// <param name="Homework">The homework after class (up to 2,000 characters), or null.</param>
public sealed record FlippedSessionDraft(string Title, ImmutableArray<Resource> Resources, ImmutableArray<Question> Check, int HoursBefore, ImmutableArray<string> InClass,
    ImmutableArray<Question> ExitTicket, int ExitTicketDays, string? Homework)
{
    /// <summary>The most resources, questions of a check, of an exit ticket, activities in class.</summary>
    public const int MaxResources = 10, MaxCheckQuestions = 20, MaxExitQuestions = 10, MaxInClass = 20;

    /// <summary>The longest activity in class and homework, in characters.</summary>
    public const int MaxActivityLength = 500, MaxHomeworkLength = 2_000;
}
