using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Ent.Core.Identifiers;

namespace Ent.Core.Learning;

/// <summary>Where a learner stands on an activity.</summary>
public enum CompletionStatus
{
    /// <summary>Not begun.</summary>
    NotStarted,

    /// <summary>Begun, not finished.</summary>
    InProgress,

    /// <summary>Finished.</summary>
    Completed,
}

/// <summary>Evidence of learning: what a learner produced or scored. Kinds that plugins add are stored as their nearest known kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToNearestAncestor)]
[JsonDerivedType(typeof(ScoreEvidence), "score")]
[JsonDerivedType(typeof(SubmissionEvidence), "submission")]
public abstract record Evidence;

/// <summary>A score obtained on an exercise or a quiz.</summary>
/// <param name="Score">The score.</param>
public sealed record ScoreEvidence(Score Score) : Evidence;

/// <summary>Work handed in, referenced by where its content is stored.</summary>
/// <param name="ContentReference">Where the submitted content is kept, e.g. a file store key.</param>
/// <param name="Comment">The learner's note, if any.</param>
public sealed record SubmissionEvidence(string ContentReference, string? Comment = null) : Evidence
{
    /// <summary>Where the submitted content is kept.</summary>
    public string ContentReference { get; init; } = string.IsNullOrWhiteSpace(ContentReference)
        ? throw new ArgumentException("A submission needs a content reference.", nameof(ContentReference))
        : ContentReference;
}

/// <summary>A learner's progress on one activity, with the evidence gathered so far.</summary>
/// <param name="Learner">The learner.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Status">Where the learner stands.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Evidence">The evidence, oldest first.</param>
public sealed record ActivityProgress(PersonId Learner, ActivityId Activity, CompletionStatus Status, DateTimeOffset UpdatedAt, ImmutableArray<Evidence> Evidence)
{
    /// <summary>The most recent score, if any.</summary>
    [JsonIgnore]
    public Score? LatestScore => Evidence.OfType<ScoreEvidence>().Select(e => (Score?)e.Score).LastOrDefault();
}
