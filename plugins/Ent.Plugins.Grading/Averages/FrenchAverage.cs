namespace Ent.Plugins.Grading.Averages;

/// <summary>How the French average weighs assessments on different scales.</summary>
public enum FrenchAverageMode
{
    /// <summary>Each mark is brought to 20 first ("ramener sur 20"): Σ cᵢ·20nᵢ/bᵢ / Σ cᵢ. 18/20, 2/10, 1/5 give 8.67.</summary>
    NormalizedTo20,

    /// <summary>Each assessment weighs in proportion to its scale: 20·Σ cᵢnᵢ / Σ cᵢbᵢ. 18/20, 2/10, 1/5 give 12.</summary>
    SumOfScales,
}

/// <summary>
/// The French subject average, as Pronote computes it: coefficients (0: the assessment does not count);
/// codes left out or counted as 0; a bonus assessment adds only its points above half its scale, without
/// adding its coefficient to the total; an optional assessment counts only if it raises the average
/// (optional marks are tried from the best, each kept if it raises the average so far). The average is at
/// most 20; with no counted mark there is none.
/// </summary>
public sealed class FrenchAverage(FrenchAverageMode mode) : IGradeAggregation
{
    /// <summary>The id of the mode that brings each mark to 20.</summary>
    public const string NormalizedTo20Id = "fr.normalized-to-20";

    /// <summary>The id of the mode that sums the scales.</summary>
    public const string SumOfScalesId = "fr.sum-of-scales";

    /// <summary>The mode.</summary>
    public FrenchAverageMode Mode { get; } = Enum.IsDefined(mode) ? mode : throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a French average mode.");

    /// <inheritdoc />
    public string Id => Mode == FrenchAverageMode.NormalizedTo20 ? NormalizedTo20Id : SumOfScalesId;

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public decimal? Average(IReadOnlyList<GradeItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        decimal points = 0, total = 0, bonus = 0;
        List<(decimal Points, decimal Total)>? optional = null;
        foreach (var item in items)
        {
            if (item.Coefficient == 0 || item.Mark.Counted is not { } mark)
            {
                continue;
            }

            var (itemPoints, itemTotal) = Mode == FrenchAverageMode.NormalizedTo20
                ? (item.Coefficient * 20 * mark / item.OutOf, item.Coefficient)
                : (item.Coefficient * mark, item.Coefficient * item.OutOf);
            switch (item.Kind)
            {
                case GradeItemKind.Normal:
                    points += itemPoints;
                    total += itemTotal;
                    break;
                case GradeItemKind.Bonus:
                    // Only the points above half the scale: above 10 once brought to 20, above b/2 on its own scale.
                    bonus += Math.Max(0, itemPoints - (itemTotal * (Mode == FrenchAverageMode.NormalizedTo20 ? 10 : 0.5m)));
                    break;
                case GradeItemKind.Optional:
                    (optional ??= []).Add((itemPoints, itemTotal));
                    break;
            }
        }

        if (optional is not null)
        {
            foreach (var (itemPoints, itemTotal) in optional.OrderByDescending(o => o.Points / o.Total))
            {
                if (total == 0 || Of(points + itemPoints, total + itemTotal, bonus) > Of(points, total, bonus))
                {
                    points += itemPoints;
                    total += itemTotal;
                }
            }
        }

        return total == 0 ? null : Of(points, total, bonus);
    }

    private decimal Of(decimal points, decimal total, decimal bonus)
    {
        var average = (points + bonus) / total * (Mode == FrenchAverageMode.NormalizedTo20 ? 1 : 20);
        return Math.Min(20, average);
    }
}
