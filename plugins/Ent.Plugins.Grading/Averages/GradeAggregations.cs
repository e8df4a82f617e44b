namespace Ent.Plugins.Grading.Averages;

/// <summary>
/// The aggregation rules the host knows, by id and version: the French ones, Moodle's, and any a plugin
/// adds. A result computed by a rule's version is recomputed by that same version, never silently by a
/// newer one.
/// </summary>
public sealed class GradeAggregations
{
    private readonly Dictionary<(string Id, int Version), IGradeAggregation> _rules = [];

    /// <summary>Indexes the rules.</summary>
    /// <param name="rules">The registered rules.</param>
    /// <exception cref="ArgumentException">Two rules with the same id and version.</exception>
    public GradeAggregations(IEnumerable<IGradeAggregation> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (!_rules.TryAdd((rule.Id, rule.Version), rule))
            {
                throw new ArgumentException($"Two aggregation rules are registered as {rule.Id} v{rule.Version}: {_rules[(rule.Id, rule.Version)].GetType().Name} and {rule.GetType().Name}.", nameof(rules));
            }
        }
    }

    /// <summary>The rules, by id then version.</summary>
    public IReadOnlyList<CalculationVersion> Known => [.. _rules.Keys.Order().Select(k => new CalculationVersion(k.Id, k.Version))];

    /// <summary>The latest version of a rule: the one new periods use.</summary>
    /// <param name="id">The rule's id.</param>
    /// <exception cref="KeyNotFoundException">No rule has that id; the message lists the ids known.</exception>
    public IGradeAggregation Latest(string id) =>
        _rules.Where(r => r.Key.Id == id).OrderByDescending(r => r.Key.Version).Select(r => r.Value).FirstOrDefault()
        ?? throw new KeyNotFoundException($"No aggregation rule '{id}'; known: {string.Join(", ", _rules.Keys.Select(k => k.Id).Distinct().Order())}.");

    /// <summary>The exact version that produced a result.</summary>
    /// <param name="version">The recorded version.</param>
    /// <exception cref="KeyNotFoundException">That version is not registered: the closed results cannot be recomputed, and are left as stored.</exception>
    public IGradeAggregation Get(CalculationVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _rules.TryGetValue((version.Id, version.Version), out var rule)
            ? rule
            : throw new KeyNotFoundException($"The aggregation rule {version} is not registered (known: {string.Join(", ", Known)}); results it produced are kept as stored.");
    }
}
