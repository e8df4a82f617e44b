using Ent.Core.Identifiers;
using Ent.Core.Text;

namespace Ent.Core.Courses;

/// <summary>
/// A kind of activity (reading, video, quiz…). Kinds are an extension point: plugins contribute
/// their own, identified by a stable, lower-case, dotted id such as <c>acme.lab-simulation</c>.
/// </summary>
public sealed record ActivityKind
{
    /// <summary>Creates a kind.</summary>
    /// <param name="id">A stable id: lower-case letters, digits, '.', '-'.</param>
    /// <param name="name">The display name in French and English.</param>
    /// <param name="producesEvidence">Whether completing it yields evidence (a score or a submission).</param>
    /// <exception cref="ArgumentException">The id is not a stable id; the message names it.</exception>
    public ActivityKind(string id, LocalizedText name, bool producesEvidence = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!StableId.IsValid(id))
        {
            throw new ArgumentException($"'{id}' is not a valid activity kind id: use lower-case letters, digits, '.' and '-'.", nameof(id));
        }

        Id = id;
        Name = name;
        ProducesEvidence = producesEvidence;
    }

    /// <summary>The stable id.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Whether completing an activity of this kind yields evidence.</summary>
    public bool ProducesEvidence { get; }

    /// <summary>Reading a text or document.</summary>
    public static ActivityKind Reading { get; } = new("reading", new("Lecture", "Reading"));

    /// <summary>Watching a video, e.g. before a flipped-classroom session.</summary>
    public static ActivityKind Video { get; } = new("video", new("Vidéo", "Video"));

    /// <summary>An exercise with a score.</summary>
    public static ActivityKind Exercise { get; } = new("exercise", new("Exercice", "Exercise"), producesEvidence: true);

    /// <summary>A quiz with a score.</summary>
    public static ActivityKind Quiz { get; } = new("quiz", new("Quiz", "Quiz"), producesEvidence: true);

    /// <summary>Work handed in (devoir à rendre).</summary>
    public static ActivityKind Assignment { get; } = new("assignment", new("Devoir à rendre", "Assignment"), producesEvidence: true);

    /// <summary>A discussion or forum.</summary>
    public static ActivityKind Discussion { get; } = new("discussion", new("Discussion", "Discussion"));

    /// <summary>A session in class.</summary>
    public static ActivityKind InClassSession { get; } = new("in-class", new("Séance en classe", "In-class session"));

    /// <summary>The kinds that Ent.Core defines.</summary>
    public static IReadOnlyList<ActivityKind> BuiltIn { get; } = [Reading, Video, Exercise, Quiz, Assignment, Discussion, InClassSession];
}
