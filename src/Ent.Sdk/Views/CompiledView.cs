using Scriban;

namespace Ent.Sdk.Views;

/// <summary>One version of a template, parsed once.</summary>
/// <param name="Source">Where it comes from.</param>
/// <param name="Template">The parsed template.</param>
/// <param name="Host">Whether it is the host's own shipped version (never an override, never a plugin's): trusted as the host's code.</param>
internal sealed record CompiledView(ViewSource Source, Template Template, bool Host = false);

/// <summary>A template name with its versions: the shipped one and the overrides that parsed.</summary>
internal sealed class ViewEntry(string name, ViewKind kind)
{
    /// <summary>The name.</summary>
    public string Name { get; } = name;

    /// <summary>The area: the name's first segment, whose strings <c>t</c> reads.</summary>
    public string Area { get; } = name[..name.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>HTML or text.</summary>
    public ViewKind Kind { get; } = kind;

    /// <summary>The shipped version, if it parsed.</summary>
    public CompiledView? Shipped { get; set; }

    /// <summary>The department's override, if it parsed.</summary>
    public CompiledView? Department { get; set; }

    /// <summary>The schools' overrides that parsed, by UAI.</summary>
    public Dictionary<string, CompiledView> Schools { get; } = new(StringComparer.Ordinal);

    /// <summary>The versions that did not load.</summary>
    public List<ViewDiagnostic> Broken { get; } = [];

    /// <summary>The versions to try for a school, most specific first.</summary>
    public IEnumerable<CompiledView> Candidates(string? school)
    {
        if (school is not null && Schools.TryGetValue(school, out var own))
        {
            yield return own;
        }

        if (Department is not null)
        {
            yield return Department;
        }

        if (Shipped is not null)
        {
            yield return Shipped;
        }
    }

    /// <summary>The public description.</summary>
    public ViewTemplateInfo ToInfo() => new(
        Name,
        Kind,
        Shipped?.Source ?? Broken.FirstOrDefault(b => b.Source.Layer == ViewLayer.Shipped)?.Source,
        Department?.Source,
        [.. Schools.Values.Select(s => s.Source).OrderBy(s => s.School, StringComparer.Ordinal)],
        [.. Broken]);
}
