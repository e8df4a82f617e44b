using System.Globalization;
using Ent.Plugins.Grading.Averages;

namespace Ent.Plugins.Grading;

/// <summary>A department's grading choices, validated at start: the averaging rule, how averages are shown, the subjects' weights in the overall average.</summary>
public sealed class GradingOptions
{
    /// <summary>The averaging rule for new periods: <c>fr.normalized-to-20</c> (default), <c>fr.sum-of-scales</c>, a Moodle method or a plugin's rule.</summary>
    public string Rule { get; set; } = FrenchAverage.NormalizedTo20Id;

    /// <summary>The step averages are shown to: 0.01 (default), 0.1, 0.5 or 1.</summary>
    public decimal RoundingStep { get; set; } = 0.01m;

    /// <summary>Whether shown averages are rounded to the nearest step (default) or up.</summary>
    public RoundingDirection RoundingDirection { get; set; } = RoundingDirection.Nearest;

    /// <summary>The subjects' coefficients in the overall average, by subject code (e.g. <c>MATHS</c>); 1 for a subject not listed, 0 leaves it out.</summary>
    public Dictionary<string, decimal> SubjectCoefficients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rounding these options describe.</summary>
    public AverageRounding Rounding => new(RoundingStep, RoundingDirection);

    /// <summary>A subject's coefficient in the overall average.</summary>
    /// <param name="subjectCode">The subject's code.</param>
    public decimal CoefficientOf(string subjectCode) => SubjectCoefficients.GetValueOrDefault(subjectCode, 1m);

    /// <summary>Checks the options against the rules the host knows.</summary>
    /// <param name="rules">The registered rules.</param>
    /// <returns>The problems, each naming its value; empty when valid.</returns>
    public IReadOnlyList<string> Validate(GradeAggregations rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<string>();
        if (!rules.Known.Any(k => k.Id == Rule))
        {
            problems.Add($"GradingOptions.Rule: '{Rule}' is not a registered rule ({string.Join(", ", rules.Known.Select(k => k.Id).Distinct())}).");
        }

        try
        {
            _ = Rounding;
        }
        catch (ArgumentOutOfRangeException exception)
        {
            problems.Add($"GradingOptions.Rounding: {exception.Message}");
        }

        foreach (var (subject, coefficient) in SubjectCoefficients)
        {
            if (coefficient is < 0 or > Marks.Scale.MaximumCoefficient)
            {
                problems.Add($"GradingOptions.SubjectCoefficients: {coefficient.ToString(CultureInfo.InvariantCulture)} for '{subject}' is outside 0–99.");
            }
        }

        return problems;
    }
}
