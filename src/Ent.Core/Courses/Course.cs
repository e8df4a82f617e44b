using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Core.Courses;

/// <summary>A school subject (matière), identified by a short code such as <c>MATHS</c>.</summary>
/// <param name="Code">The subject's code.</param>
/// <param name="Name">Its name.</param>
public sealed record Subject(string Code, string Name);

/// <summary>An activity of a sequence: something a learner reads, watches, does or hands in.</summary>
/// <param name="Id">The activity's identifier.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">The id of its <see cref="ActivityKind"/>.</param>
/// <param name="Prerequisites">Activities to complete first; empty when none.</param>
public sealed record Activity(ActivityId Id, string Title, string Kind, ImmutableArray<ActivityId> Prerequisites)
{
    /// <summary>Creates an activity with a new identifier and no prerequisite.</summary>
    /// <param name="title">Its title.</param>
    /// <param name="kind">Its kind.</param>
    public static Activity Create(string title, ActivityKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(kind);
        return new Activity(ActivityId.New(), title, kind.Id, []);
    }
}

/// <summary>An ordered sequence of activities (séquence pédagogique).</summary>
/// <param name="Id">The sequence's identifier.</param>
/// <param name="Title">Its title.</param>
/// <param name="Activities">Its activities, in the order they are meant to be done.</param>
public sealed record Sequence(SequenceId Id, string Title, ImmutableArray<Activity> Activities)
{
    /// <summary>The most characters a sequence's content may have.</summary>
    public const int MaxContentLength = 100_000;

    /// <summary>The sequence's content, written by its teacher in Markdown (rendered through the safe pipeline), or null.</summary>
    /// <exception cref="ArgumentException">Longer than <see cref="MaxContentLength"/>; the message gives the length.</exception>
    public string? Content
    {
        get;
        init => field = value is { Length: > MaxContentLength }
            ? throw new ArgumentException($"A sequence's content has at most {MaxContentLength} characters; this one has {value.Length}.", nameof(Content))
            : value;
    }
}

/// <summary>A course: a subject taught to a class or a group, made of sequences of activities.</summary>
public sealed record Course
{
    /// <summary>Creates a course.</summary>
    /// <param name="id">The course's identifier.</param>
    /// <param name="school">The school.</param>
    /// <param name="audience">The class or group it is taught to.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="title">The title.</param>
    /// <param name="sequences">The sequences, in order.</param>
    /// <exception cref="ArgumentException">Two activities share an id, or a prerequisite is not in the course.</exception>
    public Course(CourseId id, SchoolId school, CourseAudience audience, Subject subject, string title, ImmutableArray<Sequence> sequences)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var ids = new HashSet<ActivityId>();
        foreach (var activity in sequences.SelectMany(s => s.Activities))
        {
            if (!ids.Add(activity.Id))
            {
                throw new ArgumentException($"Activity '{activity.Title}' ({activity.Id.Value}) appears twice in course '{title}'.", nameof(sequences));
            }
        }

        foreach (var activity in sequences.SelectMany(s => s.Activities))
        {
            foreach (var prerequisite in activity.Prerequisites)
            {
                if (!ids.Contains(prerequisite))
                {
                    throw new ArgumentException($"Activity '{activity.Title}' requires {prerequisite.Value}, which is not in course '{title}'.", nameof(sequences));
                }
            }
        }

        Id = id;
        School = school;
        Audience = audience;
        Subject = subject;
        Title = title;
        Sequences = sequences;
    }

    /// <summary>The course's identifier.</summary>
    public CourseId Id { get; }

    /// <summary>The school.</summary>
    public SchoolId School { get; }

    /// <summary>The class or group it is taught to.</summary>
    public CourseAudience Audience { get; }

    /// <summary>The subject.</summary>
    public Subject Subject { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The sequences, in order.</summary>
    public ImmutableArray<Sequence> Sequences { get; }

    /// <summary>Every activity, in course order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Activity> Activities => Sequences.SelectMany(s => s.Activities);
}

/// <summary>Whom a course is taught to: one class or one group.</summary>
/// <param name="Class">The class, for a class course.</param>
/// <param name="Group">The group, for a group course.</param>
public readonly record struct CourseAudience(ClassId? Class, GroupId? Group)
{
    /// <summary>A course for a class.</summary>
    /// <param name="class">The class.</param>
    public static CourseAudience ForClass(ClassId @class) => new(@class, null);

    /// <summary>A course for a group.</summary>
    /// <param name="group">The group.</param>
    public static CourseAudience ForGroup(GroupId group) => new(null, group);
}
