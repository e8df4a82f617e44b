using BenchmarkDotNet.Attributes;
using Ent.Core.Attendance;
using Ent.Plugins.Grading;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Benchmarks;

/// <summary>
/// The grading plugin's own report card (target: 75,000 rendered to HTML at 2,000 or more per second): its
/// template <c>grading/report-card</c> with 10 subjects, per card, the 1,000 cards of an invocation all different
/// pupils. Baseline: the page written naively with LINQ and string interpolation (no template, no department
/// override, no sanitiser), for scale; the view system's own baseline (parsing on every render) is in
/// <see cref="ReportCardRenderBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class GradingReportCardBenchmarks
{
    private const int Cards = 1_000;
    private ServiceProvider _provider = null!;
    private IViewRenderer _views = null!;
    private ReportCard[] _cards = [];

    private static readonly string[] Comments =
    [
        "Bon trimestre : un travail régulier et une participation active. Continuez ainsi.",
        "Des résultats encourageants, mais l'attention en classe doit être plus constante pour progresser.",
        "Ensemble fragile : il faut reprendre les leçons chaque soir et ne pas hésiter à poser des questions.",
        "Excellent travail, rigoureux et soigné ; des oraux très pertinents.",
    ];

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddEnt();
        services.AddEntViews("grading", typeof(GradingPlugin).Assembly);
        _provider = services.BuildServiceProvider();
        _views = _provider.GetRequiredService<IViewRenderer>();
        string[] subjects = ["Français", "Mathématiques", "Histoire-géographie", "Anglais", "Espagnol", "SVT", "Physique-chimie", "Technologie", "Arts plastiques", "EPS"];
        _cards = [.. Enumerable.Range(0, Cards).Select(p => new ReportCard(
            "Collège Louise Michel (fictif)", "4e B", "Trimestre 1", $"Élève {p:00000}",
            [.. subjects.Select((s, i) => new ReportCardSubject(s, s, 8 + ((p + i) % 120) / 10m, new ReportCardStatistics(11.5m, 3.5m, 19.5m), 10, Comments[(p + i) % Comments.Length]))],
            12.34m, new ReportCardStatistics(11.9m, 6.2m, 17.8m), [.. Enumerable.Range(1, 8).Select(c => new ReportCardCompetency(c, 1 + ((p + c) % 4)))], new AbsenceHalfDays(p % 5, p % 3), "fr.normalized-to-20 v1", new DateOnly(2026, 12, 18)))];
        if (!_views.Render("grading/report-card", _cards[0]).Contains("Mathématiques", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The report card did not render.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    /// <summary>The naive way: the page written with LINQ and string interpolation, no template, no override, no sanitiser.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Cards)]
    public int NaiveLinqStrings()
    {
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr");
        string Note(decimal? v) => v?.ToString("0.00", french) ?? "—";
        var length = 0;
        foreach (var card in _cards)
        {
            var html = $"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Bulletin de {System.Net.WebUtility.HtmlEncode(card.Pupil)}</title></head><body>"
                + $"<header><h1>{System.Net.WebUtility.HtmlEncode(card.School)}</h1><p>Bulletin du {card.Period} — classe de {card.ClassName}</p><h2>{card.Pupil}</h2></header><table>"
                + string.Concat(card.Subjects.Select(s => $"<tr><td>{System.Net.WebUtility.HtmlEncode(s.Subject)}</td><td>{Note(s.Average)}</td><td>{Note(s.Class.Average)}</td><td>{Note(s.Class.Minimum)}</td><td>{Note(s.Class.Maximum)}</td><td>{System.Net.WebUtility.HtmlEncode(s.Comment)}</td></tr>"))
                + $"<tr><th>Moyenne générale</th><td>{Note(card.Overall)}</td></tr></table>"
                + (card.Absences is { } missed ? $"<p>Demi-journées d'absence : {missed.Total} (justifiées : {missed.Justified}, non justifiées : {missed.Unjustified})</p>" : string.Empty)
                + "</body></html>";
            length += html.Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Cards)]
    public int RenderPluginReportCards()
    {
        var length = 0;
        foreach (var card in _cards)
        {
            length += _views.Render("grading/report-card", card).Length;
        }

        return length;
    }
}
