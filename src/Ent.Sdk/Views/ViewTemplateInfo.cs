namespace Ent.Sdk.Views;

/// <summary>One named template as the host sees it: what ships it and which overrides apply.</summary>
/// <param name="Name">The name, e.g. <c>grading/report-card</c>.</param>
/// <param name="Kind">HTML or text.</param>
/// <param name="Shipped">The plugin's or host's version, or null if only overrides define it.</param>
/// <param name="Department">The department's override, or null.</param>
/// <param name="Schools">The schools' overrides.</param>
/// <param name="Broken">The versions that failed to load and are skipped, with why.</param>
public sealed record ViewTemplateInfo(
    string Name,
    ViewKind Kind,
    ViewSource? Shipped,
    ViewSource? Department,
    IReadOnlyList<ViewSource> Schools,
    IReadOnlyList<ViewDiagnostic> Broken)
{
    /// <summary>The version a render uses for a school (or for the department when <paramref name="school"/> is null), before any run-time fallback.</summary>
    /// <param name="school">The school's UAI, or null.</param>
    public ViewSource? EffectiveFor(string? school = null) =>
        Schools.FirstOrDefault(s => school is not null && s.School == school) ?? Department ?? Shipped;
}

/// <summary>A problem with a template or a string table: a syntax error, a broken override that was skipped, a missing translation.</summary>
/// <param name="Template">The template's name, or the string area (<c>strings:grading</c>).</param>
/// <param name="Source">The version concerned.</param>
/// <param name="Message">What is wrong, naming the value.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
public sealed record ViewDiagnostic(string Template, ViewSource Source, string Message, int? Line = null, int? Column = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line is null ? $"{Template} ({Source}): {Message}" : $"{Template} ({Source}), line {Line}, column {Column}: {Message}";
}
