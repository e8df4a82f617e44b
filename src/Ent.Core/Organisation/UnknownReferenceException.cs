namespace Ent.Core.Organisation;

/// <summary>Thrown when an operation names something the directory does not hold.</summary>
/// <param name="kind">What kind of thing was named, e.g. "school".</param>
/// <param name="id">The identifier that was not found.</param>
public sealed class UnknownReferenceException(string kind, object id)
    : Exception($"Unknown {kind} '{id}': it is not in the directory.")
{
    /// <summary>What kind of thing was named.</summary>
    public string Kind { get; } = kind;

    /// <summary>The identifier that was not found.</summary>
    public object Id { get; } = id;
}
