namespace Ent.Sdk.Views;

/// <summary>Where a department's overrides live, the default language, and the limits every render runs within. Validated at start.</summary>
public sealed class ViewOptions
{
    /// <summary>
    /// The department's override folder, or null for none: <c>views/&lt;area&gt;/&lt;name&gt;.sbn-html</c> overrides a template
    /// for the department, <c>schools/&lt;UAI&gt;/views/…</c> for one school, <c>strings/&lt;area&gt;.&lt;language&gt;.json</c> the wording.
    /// </summary>
    public string? OverrideDirectory { get; set; }

    /// <summary>The language used when a render or a lookup names none; <c>fr</c> by default, as for a French department.</summary>
    public string DefaultLanguage { get; set; } = "fr";

    /// <summary>The most iterations one loop may run, the loops nested in it counted together (10,000 by default).</summary>
    public int MaxLoopIterations { get; set; } = 10_000;

    /// <summary>The deepest a render may call functions and includes within each other (64 by default).</summary>
    public int MaxRecursionDepth { get; set; } = 64;

    /// <summary>The longest output a render may write, in characters (2,000,000 by default: a long report).</summary>
    public int MaxOutputLength { get; set; } = 2_000_000;

    /// <summary>The longest a render may run before it is stopped (2 seconds by default).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the options.</summary>
    /// <returns>The problems found, each naming the offending value; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Localization.LanguageCode.IsValid(DefaultLanguage))
        {
            problems.Add($"ViewOptions.DefaultLanguage: '{DefaultLanguage}' is not a language code such as 'fr' or 'en'.");
        }

        if (MaxLoopIterations <= 0 || MaxRecursionDepth <= 0 || MaxOutputLength <= 0)
        {
            problems.Add($"ViewOptions: MaxLoopIterations ({MaxLoopIterations}), MaxRecursionDepth ({MaxRecursionDepth}) and MaxOutputLength ({MaxOutputLength}) must be positive.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"ViewOptions.Timeout: {Timeout} must be positive and at most 10 minutes.");
        }

        if (OverrideDirectory is not null && (string.IsNullOrWhiteSpace(OverrideDirectory) || OverrideDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            problems.Add($"ViewOptions.OverrideDirectory: '{OverrideDirectory}' is not a directory path.");
        }

        return problems;
    }
}
