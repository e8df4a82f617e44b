using System.Globalization;
using System.Text;
using Ent.Plugins.Attendance.Figures;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Attendance.Pages;

/// <summary>
/// The DEPP's absenteeism indicator on the department's dashboard: the share of pupils at 4 unjustified half-days in a month,
/// September to May, drawn beside the table of each school's months (the department's for its administrator, a school's for its head).
/// </summary>
internal sealed class IndicatorPage(IAttendanceFigures figures, AttendanceText text) : EntPage<NoRouteValues>
{
    public const string Route = "attendance/indicator";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var indicator = await IndicatorPages.ReadAsync(figures, context, cancellationToken).ConfigureAwait(false);
        var culture = AttendanceText.Culture(language);
        string Share(double? share) => share is { } s ? s.ToString("P1", culture) : "—";
        var overall = indicator.Department ?? indicator.Schools.FirstOrDefault()?.Months ?? [];
        var model = new
        {
            Scope = indicator.Department is null ? indicator.Schools.FirstOrDefault()?.Name : text.T(language, "pages.indicator.department"),
            Months = indicator.Months.Select(m => m.ToString("MMM yy", culture)).ToArray(),
            Overall = overall.Select(m => new { Share = Share(m.Share), m.AtThreshold, m.Pupils }).ToArray(),
            Mean = Share(Figures.IndicatorMonth.Mean(overall)),
            Schools = indicator.Schools.Select(s => new { s.Name, s.Uai, Months = s.Months.Select(m => Share(m.Share)).ToArray(), Mean = Share(s.MeanShare) }).ToArray(),
            Chart = Chart(overall, indicator.Months, culture),
            Csv = context.Link(IndicatorCsvPage.Route),
            Threshold = AbsenteeismIndicator.Threshold,
        };
        return PageResult.View("attendance/pages/indicator", model, text.T(language, "pages.indicator.title"));
    }

    /// <summary>The monthly shares as bars, scaled to the highest (at least 10 %), each labelled.</summary>
    private static object Chart(IReadOnlyList<IndicatorMonth> months, IReadOnlyList<DateOnly> labels, CultureInfo culture)
    {
        const int Width = 540, Height = 200, Left = 40, Bottom = 170;
        var top = Math.Max(0.10, months.Select(m => m.Share ?? 0).DefaultIfEmpty(0).Max());
        var step = months.Count == 0 ? 0 : (Width - Left - 10) / months.Count;
        return new
        {
            Width,
            Height,
            Bars = months.Select((m, i) => new
            {
                X = Left + (i * step) + 4,
                Y = Bottom - (int)Math.Round((m.Share ?? 0) / top * 150),
                W = step - 8,
                H = (int)Math.Round((m.Share ?? 0) / top * 150),
                Label = labels[i].ToString("MMM", culture),
                LabelX = Left + (i * step) + (step / 2),
                Value = m.Share is { } s ? s.ToString("P1", culture) : "—",
            }).ToArray(),
            Top = top.ToString("P0", culture),
            Left,
            Bottom,
        };
    }
}

/// <summary>The indicator as CSV (RFC 4180, UTF-8): one line per school and month, then the department's, with the counts and the share.</summary>
internal sealed class IndicatorCsvPage(IAttendanceFigures figures) : EntPage<NoRouteValues>
{
    public const string Route = "attendance/indicator/export";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var indicator = await IndicatorPages.ReadAsync(figures, context, cancellationToken).ConfigureAwait(false);
        var csv = new StringBuilder("uai,school,month,pupils,pupils_at_threshold,share\r\n");
        static string Field(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
        void Line(string uai, string name, IndicatorMonth m) => csv.Append(CultureInfo.InvariantCulture,
            $"{Field(uai)},{Field(name)},{m.Month:yyyy-MM},{m.Pupils},{m.AtThreshold},{(m.Share is { } s ? s.ToString("0.0000", CultureInfo.InvariantCulture) : string.Empty)}\r\n");
        foreach (var school in indicator.Schools)
        {
            foreach (var month in school.Months)
            {
                Line(school.Uai, school.Name, month);
            }
        }

        foreach (var month in indicator.Department ?? [])
        {
            Line("department", "department", month);
        }

        var first = indicator.Months.Count > 0 ? indicator.Months[0].Year : context.Today.Year;
        return PageResult.File("text/csv; charset=utf-8", csv.ToString(), $"absenteisme-{first}-{first + 1}.csv");
    }
}

/// <summary>What both indicator pages read: the viewer's school's (a head of school), or the department's for a viewer in no school (its administrator).</summary>
internal static class IndicatorPages
{
    public static Task<AbsenteeismIndicator> ReadAsync(IAttendanceFigures figures, PageContext context, CancellationToken cancellationToken) =>
        figures.IndicatorAsync(context.Actor, context.Today, context.School?.Id, cancellationToken);
}
