namespace Ent.Plugins.Grading.Averages;

/// <summary>
/// A rule that turns a pupil's marks in a subject and period into an average: the extension point through
/// which schools and countries plug in their own rules. Each rule has an id and a version; a result records
/// both, so that fixing a rule (a new version) never silently changes a closed period's averages.
/// </summary>
[Ent.Sdk.Plugins.ExtensionPoint]
public interface IGradeAggregation
{
    /// <summary>The rule's id, e.g. <c>fr.normalized-to-20</c> or <c>moodle.mean</c>.</summary>
    string Id { get; }

    /// <summary>The rule's version: increased whenever its results change.</summary>
    int Version { get; }

    /// <summary>The average out of 20, exact (not rounded), or null when no mark counts.</summary>
    /// <param name="items">The pupil's marks in the subject and period.</param>
    decimal? Average(IReadOnlyList<GradeItem> items);
}

/// <summary>Which rule, at which version, produced a result.</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Version">The rule's version.</param>
public sealed record CalculationVersion(string Id, int Version)
{
    /// <summary>The version of a rule.</summary>
    /// <param name="aggregation">The rule.</param>
    public static CalculationVersion Of(IGradeAggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(aggregation);
        return new(aggregation.Id, aggregation.Version);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} v{Version}";
}
