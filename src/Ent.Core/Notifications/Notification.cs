using Ent.Core.Identifiers;
using Ent.Core.Text;

namespace Ent.Core.Notifications;

/// <summary>
/// A message for one person, in the department's languages: an unjustified absence told to a family, say. The web host shows it
/// in the person's inbox; a host may add channels (e-mail, SMS) that send it as well.
/// </summary>
public sealed record Notification
{
    /// <summary>The longest title, in characters.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest body, in characters.</summary>
    public const int MaxBodyLength = 2000;

    /// <summary>Creates a notification.</summary>
    /// <param name="recipient">Whom it is for.</param>
    /// <param name="school">The school it is about, if any.</param>
    /// <param name="topic">A stable id of what it is about (<c>attendance.absence</c>), so that a person or a channel can sort them.</param>
    /// <param name="title">The title, up to <see cref="MaxTitleLength"/> characters in each language.</param>
    /// <param name="body">The text (plain, never markup), up to <see cref="MaxBodyLength"/> characters in each language.</param>
    /// <param name="link">A path in the ENT to open (<c>/attendance/pupils/…</c>), or null.</param>
    /// <param name="at">When it was sent.</param>
    /// <exception cref="ArgumentException">The topic is not a stable id, a text is too long, or the link is not a path in the ENT; the message names it.</exception>
    public Notification(PersonId recipient, SchoolId? school, string topic, LocalizedText title, LocalizedText body, string? link, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        if (!StableId.IsValid(topic))
        {
            throw new ArgumentException($"'{topic}' is not a valid topic: use lower-case letters, digits, '.' and '-'.", nameof(topic));
        }

        Check(title, MaxTitleLength, nameof(title));
        Check(body, MaxBodyLength, nameof(body));
        if (link is not null && (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('\\', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A notification's link is a path in the ENT starting with one '/'; '{link}' is not.", nameof(link));
        }

        (Id, Recipient, School, Topic, Title, Body, Link, At) = (Guid.CreateVersion7(at), recipient, school, topic, title, body, link, at);
    }

    /// <summary>The notification's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Whom it is for.</summary>
    public PersonId Recipient { get; }

    /// <summary>The school it is about, if any.</summary>
    public SchoolId? School { get; }

    /// <summary>What it is about, as a stable id.</summary>
    public string Topic { get; }

    /// <summary>The title.</summary>
    public LocalizedText Title { get; }

    /// <summary>The text.</summary>
    public LocalizedText Body { get; }

    /// <summary>A path in the ENT to open, or null.</summary>
    public string? Link { get; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset At { get; }

    private static void Check(LocalizedText text, int max, string name)
    {
        if (text.French.Length > max || text.English.Length > max)
        {
            throw new ArgumentException($"A notification's {name} has at most {max} characters in each language; '{text.French[..Math.Min(30, text.French.Length)]}…' has {Math.Max(text.French.Length, text.English.Length)}.", name);
        }
    }
}

/// <summary>A notification in a person's inbox, with whether they have read it.</summary>
/// <param name="Notification">The notification.</param>
/// <param name="Read">Whether the person has opened it.</param>
public sealed record ReceivedNotification(Notification Notification, bool Read);

/// <summary>What became of a notification sent: its id, and the channels that could not send it (the inbox always has it).</summary>
/// <param name="Id">The notification's id.</param>
/// <param name="FailedChannels">The names of the channels that failed, with their error; empty when every channel sent it.</param>
public sealed record NotificationSent(Guid Id, IReadOnlyList<string> FailedChannels);
