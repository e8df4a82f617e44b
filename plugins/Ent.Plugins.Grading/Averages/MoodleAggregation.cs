namespace Ent.Plugins.Grading.Averages;

/// <summary>Moodle's aggregation methods, by Moodle's names.</summary>
public enum MoodleMethod
{
    /// <summary>Mean of grades: the normalised grades' mean.</summary>
    Mean,

    /// <summary>Weighted mean of grades: each grade weighted by its item's weight (the coefficient); items of weight 0 are left out.</summary>
    WeightedMean,

    /// <summary>Simple weighted mean of grades: each grade weighted by its item's range (the scale); extra-credit items add to the sum, not to the weights.</summary>
    SimpleWeightedMean,

    /// <summary>Mean of grades (with extra credits): normal items' mean; each extra-credit item adds its weight × grade to the sum, divided by the number of normal items.</summary>
    MeanWithExtraCredits,

    /// <summary>Median of grades: the middle grade, or the mean of the two middle grades.</summary>
    Median,

    /// <summary>Lowest grade.</summary>
    Lowest,

    /// <summary>Highest grade.</summary>
    Highest,

    /// <summary>Mode of grades: the most frequent grade; of several, the highest.</summary>
    Mode,

    /// <summary>Natural: the sum of points over the sum of maxima (weights in proportion to the maxima); extra-credit items add points, not maxima.</summary>
    Natural,
}

/// <summary>Moodle's per-category options that change which grades are aggregated.</summary>
/// <param name="DropLowest">Drop this many lowest grades first (extra-credit items are never dropped); among equal grades, the one with the highest maximum, as Moodle does.</param>
/// <param name="KeepHighest">Keep only this many highest grades (extra-credit items are always kept); 0 keeps all. Among equal grades at the cut, the lowest maximum is kept.</param>
/// <param name="EmptyAsZero">Count empty grades (marks left out: absent, exempt…) as 0, as when Moodle's "aggregate only non-empty grades" is off.</param>
public sealed record MoodleOptions(int DropLowest = 0, int KeepHighest = 0, bool EmptyAsZero = false)
{
    /// <summary>Moodle's defaults: nothing dropped, empty grades left out.</summary>
    public static MoodleOptions Default { get; } = new();
}

/// <summary>
/// The aggregation methods Moodle documents, computed as Moodle's code does, so that a department migrating
/// from Moodle gets the same numbers: each mark is normalised to 0–1 (points ÷ scale), aggregated, and
/// given out of 20 (Moodle gives it out of the category's maximum: multiply by max/20). Extra credit is the
/// <see cref="GradeItemKind.Bonus"/> kind; Moodle has no optional items, so <see cref="GradeItemKind.Optional"/>
/// counts as normal. Where Moodle's help and code differ (the extra-credit mean's example), the code is followed.
/// The result is at most 20.
/// </summary>
public sealed class MoodleAggregation : IGradeAggregation
{
    /// <summary>Creates the aggregation of a method with options.</summary>
    /// <param name="method">The method.</param>
    /// <param name="options">The options, Moodle's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown method, a negative count, or both drop-lowest and keep-highest.</exception>
    public MoodleAggregation(MoodleMethod method, MoodleOptions? options = null)
        : this(method, options, LatestVersion)
    {
    }

    /// <summary>Creates a given version of the aggregation, to recompute results a closed period recorded with it.</summary>
    /// <param name="method">The method.</param>
    /// <param name="options">The options, Moodle's defaults when null.</param>
    /// <param name="version">1: the first version (drop-lowest and keep-highest took equal grades in input order, and
    /// applied in every Natural category); 2: Moodle's rules for both.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown method or version, a negative count, or both drop-lowest and keep-highest.</exception>
    public MoodleAggregation(MoodleMethod method, MoodleOptions? options, int version)
    {
        Method = Enum.IsDefined(method) ? method : throw new ArgumentOutOfRangeException(nameof(method), method, "Not a Moodle aggregation method.");
        Version = version is >= 1 and <= LatestVersion ? version : throw new ArgumentOutOfRangeException(nameof(version), version, $"Versions 1 to {LatestVersion} of the Moodle methods exist.");
        Options = options ?? MoodleOptions.Default;
        if (Options.DropLowest < 0 || Options.KeepHighest < 0 || (Options.DropLowest > 0 && Options.KeepHighest > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options, $"Drop the lowest ({Options.DropLowest}) or keep the highest ({Options.KeepHighest}) grades, not both, and never a negative number.");
        }
    }

    /// <summary>The method.</summary>
    public MoodleMethod Method { get; }

    /// <summary>The options.</summary>
    public MoodleOptions Options { get; }

    /// <inheritdoc />
    public string Id => "moodle." + Method switch
    {
        MoodleMethod.Mean => "mean",
        MoodleMethod.WeightedMean => "weighted-mean",
        MoodleMethod.SimpleWeightedMean => "simple-weighted-mean",
        MoodleMethod.MeanWithExtraCredits => "mean-with-extra-credits",
        MoodleMethod.Median => "median",
        MoodleMethod.Lowest => "lowest",
        MoodleMethod.Highest => "highest",
        MoodleMethod.Mode => "mode",
        _ => "natural",
    };

    /// <summary>The version new results are computed with.</summary>
    public const int LatestVersion = 2;

    /// <inheritdoc />
    public int Version { get; }

    /// <inheritdoc />
    public decimal? Average(IReadOnlyList<GradeItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var usesExtraCredit = Method is MoodleMethod.SimpleWeightedMean or MoodleMethod.MeanWithExtraCredits or MoodleMethod.Natural;
        var grades = new List<Grade>(items.Count);
        foreach (var item in items)
        {
            var fraction = item.Fraction ?? (Options.EmptyAsZero ? 0m : null);
            if (fraction is { } value)
            {
                grades.Add(new Grade(value, item.OutOf, item.Coefficient, usesExtraCredit && item.Kind == GradeItemKind.Bonus));
            }
        }

        grades = Limit(grades, items);
        var normal = grades.Where(g => !g.ExtraCredit).ToList();
        decimal? fraction01 = Method switch
        {
            MoodleMethod.Mean => normal.Count == 0 ? null : normal.Average(g => g.Value),
            MoodleMethod.WeightedMean => WeightedMean(normal),
            MoodleMethod.SimpleWeightedMean => RangeWeighted(grades, extraCreditsAlone: true),
            MoodleMethod.MeanWithExtraCredits => MeanWithExtraCredits(grades),
            MoodleMethod.Median => Median(normal),
            MoodleMethod.Lowest => normal.Count == 0 ? null : normal.Min(g => g.Value),
            MoodleMethod.Highest => normal.Count == 0 ? null : normal.Max(g => g.Value),
            MoodleMethod.Mode => Mode(normal),
            _ => RangeWeighted(grades, extraCreditsAlone: false), // Natural
        };
        return fraction01 is { } result ? Math.Min(1, result) * 20 : null;
    }

    /// <summary>
    /// Moodle's limit rules (lib/grade/grade_category.php, <c>apply_limit_rules</c>): drop-lowest sorts the grades up
    /// (<c>asort</c>) and, among the lowest equal grades, drops the item with the highest maximum (<c>grademax</c>);
    /// keep-highest sorts them down (<c>arsort</c>) and keeps the first ones. Moodle breaks the remaining ties by its
    /// sort order, which is the items' order; Ent breaks them so that the result never depends on the order the
    /// items come in: drop-lowest then drops the heavier weight, and keep-highest keeps, among equal grades at the
    /// cut, the lowest maximum and weight (the complement of drop-lowest: keeping k of n is dropping n − k). Identical
    /// grades of identical items are interchangeable. Extra credit is never dropped and always kept. In a Natural
    /// category the rules apply only where Moodle applies them (<c>can_apply_limit_rules</c>): no extra-credit item and
    /// every item of the same maximum and weight; otherwise every grade counts. Version 1 (kept to recompute the periods
    /// closed with it) took equal grades in input order and applied the limits in every method.
    /// </summary>
    private List<Grade> Limit(List<Grade> grades, IReadOnlyList<GradeItem> items)
    {
        if ((Options.DropLowest == 0 && Options.KeepHighest == 0) || (Version >= 2 && Method == MoodleMethod.Natural && !LimitRulesApplyToNatural(items)))
        {
            return grades;
        }

        var normal = grades.Where(g => !g.ExtraCredit);
        if (Options.DropLowest > 0)
        {
            var lowestFirst = normal.OrderBy(g => g.Value);
            var dropped = (Version == 1 ? lowestFirst : lowestFirst.ThenByDescending(g => g.Range).ThenByDescending(g => g.Weight))
                .Take(Options.DropLowest).ToHashSet(); // a Grade is a class: two equal grades are two grades
            return [.. grades.Where(g => !dropped.Contains(g))];
        }

        var highestFirst = normal.OrderByDescending(g => g.Value);
        var kept = (Version == 1 ? highestFirst : highestFirst.ThenBy(g => g.Range).ThenBy(g => g.Weight)).Take(Options.KeepHighest).ToHashSet();
        return [.. grades.Where(g => g.ExtraCredit || kept.Contains(g))];
    }

    /// <summary>Moodle's <c>can_apply_limit_rules</c> for Natural: no extra-credit item, and every item of the same maximum and weight.</summary>
    private static bool LimitRulesApplyToNatural(IReadOnlyList<GradeItem> items) =>
        !items.Any(i => i.Kind == GradeItemKind.Bonus) && !items.Select(i => (i.OutOf, i.Coefficient)).Distinct().Skip(1).Any();

    private static decimal? WeightedMean(List<Grade> grades)
    {
        decimal sum = 0, weights = 0;
        foreach (var grade in grades.Where(g => g.Weight > 0))
        {
            sum += grade.Weight * grade.Value;
            weights += grade.Weight;
        }

        return weights == 0 ? null : sum / weights;
    }

    /// <summary>
    /// Σ range × grade over Σ range of the normal items: both the simple weighted mean and Natural (with default
    /// weights). They differ only when every grade is extra credit: the simple weighted mean then gives their
    /// sum, as Moodle's code does, and Natural gives nothing.
    /// </summary>
    private static decimal? RangeWeighted(List<Grade> grades, bool extraCreditsAlone)
    {
        if (grades.Count == 0)
        {
            return null;
        }

        decimal sum = 0, weights = 0;
        foreach (var grade in grades)
        {
            sum += grade.Range * grade.Value;
            weights += grade.ExtraCredit ? 0 : grade.Range;
        }

        return weights != 0 ? sum / weights : extraCreditsAlone ? sum : null;
    }

    private static decimal? MeanWithExtraCredits(List<Grade> grades)
    {
        if (grades.Count == 0)
        {
            return null;
        }

        decimal sum = 0;
        var count = 0;
        foreach (var grade in grades)
        {
            if (!grade.ExtraCredit)
            {
                sum += grade.Value;
                count++;
            }
            else if (grade.Weight > 0)
            {
                sum += grade.Weight * grade.Value;
            }
        }

        return count == 0 ? sum : sum / count;
    }

    private static decimal? Median(List<Grade> grades)
    {
        if (grades.Count == 0)
        {
            return null;
        }

        var sorted = grades.Select(g => g.Value).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static decimal? Mode(List<Grade> grades) =>
        grades.Count == 0
            ? null
            : grades.GroupBy(g => Math.Round(g.Value, 5)) // Moodle compares grades as printed
                .OrderByDescending(group => group.Count()).ThenByDescending(group => group.Key)
                .First().Key;

    /// <summary>A normalised grade and what Moodle knows of its item (a class: two equal grades are two grades).</summary>
    private sealed class Grade(decimal value, decimal range, decimal weight, bool extraCredit)
    {
        public decimal Value { get; } = value;

        public decimal Range { get; } = range;

        public decimal Weight { get; } = weight;

        public bool ExtraCredit { get; } = extraCredit;
    }
}
