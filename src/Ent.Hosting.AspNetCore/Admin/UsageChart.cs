using System.Globalization;

namespace Ent.Hosting.AspNetCore.Admin;

/// <summary>
/// A horizontal bar chart of pedagogical shares, laid out for a template to draw as SVG: one bar per row, and the national
/// average (5 %) and the target (20 %) as reference lines. Coordinates are in the chart's own units (its view box).
/// </summary>
internal sealed record UsageChart(string Id, string Title, int Width, int Height, IReadOnlyList<UsageBar> Bars, IReadOnlyList<UsageLine> Lines)
{
    private const int LabelWidth = 300;
    private const int BarArea = 420;
    private const int RowHeight = 24;
    private const int Top = 34;

    public static UsageChart Of(string id, string title, IReadOnlyList<(string Label, double? Share, long Total)> rows, string language, string nationalLabel, string targetLabel)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("fr-FR");
        var scale = Math.Max(0.3, rows.Select(r => r.Share ?? 0).DefaultIfEmpty(0).Max()); // at least up to 30 %, so that the target shows
        double X(double share) => LabelWidth + (share / scale * BarArea);
        var bars = rows.Select((row, i) => new UsageBar(
            row.Label,
            LabelWidth,
            Top + (i * RowHeight),
            Math.Round(X(row.Share ?? 0) - LabelWidth, 1),
            RowHeight - 6,
            row.Share is { } share ? share.ToString("P1", culture) : "—",
            Math.Round(X(row.Share ?? 0) + 4, 1),
            Top + (i * RowHeight) + 13)).ToArray();
        var height = Top + (rows.Count * RowHeight) + 10;
        var lines = new[] { (0.05, nationalLabel, "national"), (0.20, targetLabel, "target") }
            .Select((l, i) => new UsageLine(l.Item2, Math.Round(X(l.Item1), 1), 10 + (i * 12), Top - 4, height - 4, l.Item3)) // labels on two rows: 5 % and 20 % are close
            .ToArray();
        return new UsageChart(id, title, LabelWidth + BarArea + 70, height, bars, lines);
    }
}

/// <summary>A bar: its row's label, its rectangle, its value written at its end.</summary>
internal sealed record UsageBar(string Label, double X, double Y, double Width, double Height, string Value, double ValueX, double TextY);

/// <summary>A vertical reference line with its label (written at <c>LabelY</c>, starting at the line).</summary>
internal sealed record UsageLine(string Label, double X, double LabelY, double Y1, double Y2, string Kind);
