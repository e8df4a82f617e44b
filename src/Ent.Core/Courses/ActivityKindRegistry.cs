using System.Collections.Frozen;

namespace Ent.Core.Courses;

/// <summary>Looks up activity kinds by id: the built-in kinds and those that plugins contribute.</summary>
public interface IActivityKindRegistry
{
    /// <summary>Every known kind.</summary>
    IReadOnlyCollection<ActivityKind> All { get; }

    /// <summary>Finds a kind by id.</summary>
    /// <param name="id">The kind's id.</param>
    /// <param name="kind">The kind when found.</param>
    bool TryGet(string id, out ActivityKind kind);
}

/// <summary>An immutable, thread-safe registry of activity kinds, built once.</summary>
public sealed class ActivityKindRegistry : IActivityKindRegistry
{
    private readonly FrozenDictionary<string, ActivityKind> _kinds;

    /// <summary>Builds the registry from the built-in kinds and contributed ones.</summary>
    /// <param name="contributed">Kinds contributed by plugins.</param>
    /// <exception cref="ArgumentException">Two kinds share an id; the message names it.</exception>
    public ActivityKindRegistry(IEnumerable<ActivityKind> contributed)
    {
        ArgumentNullException.ThrowIfNull(contributed);
        var kinds = new Dictionary<string, ActivityKind>(StringComparer.Ordinal);
        foreach (var kind in ActivityKind.BuiltIn.Concat(contributed))
        {
            if (kinds.TryGetValue(kind.Id, out var existing) && !ReferenceEquals(existing, kind))
            {
                throw new ArgumentException($"Activity kind '{kind.Id}' is registered twice.", nameof(contributed));
            }

            kinds[kind.Id] = kind;
        }

        _kinds = kinds.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<ActivityKind> All => _kinds.Values;

    /// <inheritdoc />
    public bool TryGet(string id, out ActivityKind kind) => _kinds.TryGetValue(id, out kind!);
}
