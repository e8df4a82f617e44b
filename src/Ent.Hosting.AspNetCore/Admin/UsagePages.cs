using System.Globalization;
using CsvHelper;
using Ent.Core.Organisation;
using Ent.Sdk.Analytics;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Hosting.AspNetCore.Admin;

/// <summary>
/// The pedagogical-use dashboard, from the stored event log: the share of pedagogical use overall, by school, by role and by
/// week, each as a chart with the national 5 % average and the 20 % target, and the table of its figures beside it. The
/// department's administrator sees the department, a head of school their school.
/// </summary>
internal sealed class UsagePage(IUsageAnalytics analytics, IOrganisationDirectory directory, ILocalizedStrings strings) : EntPage<NoRouteValues>
{
    public const string Route = "admin/usage";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var range = UsageRange.Of(context, strings);
        var report = await analytics.ReportAsync(context.Actor, range.First, range.Last, context.School?.Id, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("fr-FR");
        string T(string key, params object?[] arguments) => strings.Get("ent", key, language, arguments);
        var rows = UsageRows.Of(report, directory, strings, language);
        UsageChart Chart(string id, string title, IEnumerable<UsageRow> of) =>
            UsageChart.Of(id, title, [.. of.Select(r => (r.Label, r.Figures.PedagogicalShare, r.Figures.Total))], language, T("admin.usage.national"), T("admin.usage.target"));
        object Table(IEnumerable<UsageRow> of) => of.Select(r => new
        {
            r.Label,
            r.Figures.Pedagogical,
            r.Figures.Communication,
            r.Figures.VieScolaire,
            r.Figures.Administration,
            r.Figures.Total,
            Share = r.Figures.PedagogicalShare is { } share ? share.ToString("P1", culture) : "—",
        }).ToArray();
        var model = new
        {
            From = range.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = range.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            range.Errors,
            Scope = context.School is { } school ? $"{school.Name} ({school.Uai})" : T("admin.usage.department"),
            Overall = report.Overall.PedagogicalShare is { } overall ? overall.ToString("P1", culture) : "—",
            report.Overall.Total,
            National = UsageReport.NationalAverage.ToString("P0", culture),
            Target = UsageReport.Target.ToString("P0", culture),
            Sections = new[]
            {
                new { Chart = Chart("by-school", T("admin.usage.by-school"), rows.Schools), Rows = Table(rows.Schools), Heading = T("admin.usage.school") },
                new { Chart = Chart("by-role", T("admin.usage.by-role"), rows.Roles), Rows = Table(rows.Roles), Heading = T("admin.usage.role") },
                new { Chart = Chart("by-week", T("admin.usage.by-week"), rows.Weeks), Rows = Table(rows.Weeks), Heading = T("admin.usage.week") },
            },
            Action = context.Link(Route),
            Csv = context.Link($"{UsageCsvPage.Route}?{range.Query}"),
        };
        return PageResult.View("ent/admin/usage", model, T("admin.usage.title"));
    }
}

/// <summary>The dashboard's figures as CSV (RFC 4180, UTF-8): one line per school, role and week, with the counts of each category and the share.</summary>
internal sealed class UsageCsvPage(IUsageAnalytics analytics, IOrganisationDirectory directory, ILocalizedStrings strings) : EntPage<NoRouteValues>
{
    public const string Route = "admin/usage/export";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var range = UsageRange.Of(context, strings);
        if (range.Errors.Count > 0)
        {
            return PageResult.NotFound();
        }

        var report = await analytics.ReportAsync(context.Actor, range.First, range.Last, context.School?.Id, cancellationToken).ConfigureAwait(false);
        var rows = UsageRows.Of(report, directory, strings, context.Language);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, leaveOpen: true))
        {
            foreach (var header in new[] { "dimension", "value", "pedagogical", "communication", "vie_scolaire", "administration", "total", "pedagogical_share" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var (dimension, of) in new[] { ("school", rows.Schools), ("role", rows.Roles), ("week", rows.Weeks) })
            {
                foreach (var row in of)
                {
                    csv.WriteField(dimension);
                    csv.WriteField(row.Key);
                    foreach (var count in new[] { row.Figures.Pedagogical, row.Figures.Communication, row.Figures.VieScolaire, row.Figures.Administration, row.Figures.Total })
                    {
                        csv.WriteField(count.ToString(CultureInfo.InvariantCulture));
                    }

                    csv.WriteField(row.Figures.PedagogicalShare is { } share ? share.ToString("0.0000", CultureInfo.InvariantCulture) : string.Empty);
                    csv.EndRecord();
                }
            }

            csv.Flush();
        }

        return PageResult.File("text/csv; charset=utf-8", text.ToString(), $"usage-{range.First:yyyy-MM-dd}-{range.Last:yyyy-MM-dd}.csv");
    }
}

/// <summary>A report's rows by school, role and week, labelled for people and keyed for machines.</summary>
internal sealed record UsageRows(IReadOnlyList<UsageRow> Schools, IReadOnlyList<UsageRow> Roles, IReadOnlyList<UsageRow> Weeks)
{
    public static UsageRows Of(UsageReport report, IOrganisationDirectory directory, ILocalizedStrings strings, string language)
    {
        var schools = report.BySchool
            .Select(s => (School: directory.FindSchool(s.Key), Figures: s.Value))
            .Where(s => s.School is not null)
            .OrderByDescending(s => s.Figures.PedagogicalShare ?? -1).ThenBy(s => s.School!.Uai.Value, StringComparer.Ordinal)
            .Select(s => new UsageRow($"{s.School!.Name} ({s.School.Uai})", s.School.Uai.Value, s.Figures))
            .ToArray();
        var roles = report.ByRole.OrderBy(r => r.Key)
            .Select(r => new UsageRow(strings.Get("ent", $"role.{r.Key}", language), r.Key.ToString(), r.Value))
            .ToArray();
        var weeks = report.ByWeek
            .Select(w => new UsageRow(strings.Get("ent", "admin.usage.week-of", language, w.Monday.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), w.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.Figures))
            .ToArray();
        return new UsageRows(schools, roles, weeks);
    }
}

/// <summary>A row of the dashboard.</summary>
internal sealed record UsageRow(string Label, string Key, UsageFigures Figures);
