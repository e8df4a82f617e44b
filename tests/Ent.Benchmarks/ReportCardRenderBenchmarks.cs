using BenchmarkDotNet.Attributes;
using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;
using Scriban;
using Scriban.Runtime;

namespace Ent.Benchmarks;

/// <summary>
/// Rendering report cards through the view system (target: at least 5,000 renders per second on one core, i.e.
/// at most 200 µs per card, so 75,000 cards in 15 s) beside the naive way: parsing the template on every render,
/// with the model given to Scriban as .NET objects. Each invocation renders 1,000 different pupils' cards
/// (10 subjects, 8 competencies, about 6 KB of HTML each); the figures are per card.
/// </summary>
[MemoryDiagnoser]
public class ReportCardRenderBenchmarks
{
    private const int Cards = 1_000;

    private ServiceProvider _provider = null!;
    private IViewRenderer _renderer = null!;
    private ReportCard[] _models = null!;
    private string _templateText = null!;
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr");

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddEnt();
        services.AddEntViews("bench", typeof(ReportCardRenderBenchmarks).Assembly);
        _provider = services.BuildServiceProvider();
        _renderer = _provider.GetRequiredService<IViewRenderer>();
        _models = [.. Enumerable.Range(0, Cards).Select(ReportCard.For)];
        using (var stream = typeof(ReportCardRenderBenchmarks).Assembly.GetManifestResourceStream("views/report-card.sbn-html")!)
        using (var reader = new StreamReader(stream))
        {
            _templateText = reader.ReadToEnd();
        }

        BaselineFunctions.Strings = Flatten(System.Text.Json.JsonDocument.Parse(typeof(ReportCardRenderBenchmarks).Assembly.GetManifestResourceStream("strings/fr.json")!).RootElement);
        var sample = _renderer.Render("bench/report-card", _models[0]);
        if (sample.Length < 4_000 || !sample.Contains("Très bonne maîtrise", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The report card did not render as expected:\n" + sample);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Cards)]
    public int ParseOnEveryRender()
    {
        var length = 0;
        foreach (var model in _models)
        {
            var template = Template.Parse(_templateText);
            var context = new TemplateContext();
            var globals = new ScriptObject();
            globals.Import(model);
            globals.Import(typeof(BaselineFunctions));
            context.PushGlobal(globals);
            context.PushCulture(French);
            length += template.Render(context).Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Cards)]
    public int ViewRenderer()
    {
        var length = 0;
        foreach (var model in _models)
        {
            length += _renderer.Render("bench/report-card", model).Length;
        }

        return length;
    }

    private static Dictionary<string, string> Flatten(System.Text.Json.JsonElement element, string? prefix = null)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var (k, v) in Flatten(property.Value, key))
                {
                    texts[k] = v;
                }
            }
            else
            {
                texts[key] = property.Value.GetString()!;
            }
        }

        return texts;
    }

    /// <summary>The baseline's <c>t</c>: the same texts, looked up in a dictionary.</summary>
    public static class BaselineFunctions
    {
        public static IReadOnlyDictionary<string, string> Strings { get; set; } = new Dictionary<string, string>();

        public static string T(string key, params object[] values) => string.Format(French, Strings[key], values);
    }

    /// <summary>A report card's view model, as the grading plugin will build it.</summary>
    public sealed record ReportCard(
        SchoolCard School, string Period, PupilCard Pupil, IReadOnlyList<SubjectCard> Subjects, decimal Overall, decimal ClassOverall,
        IReadOnlyList<CompetencyCard> Competencies, int Absences, int Late, string CouncilComment, DateTime Issued)
    {
        private static readonly string[] SubjectNames = ["Français", "Mathématiques", "Histoire-géographie", "Anglais", "Espagnol", "SVT", "Physique-chimie", "Technologie", "Arts plastiques", "EPS"];
        private static readonly string[] Components = ["Langue française", "Langues étrangères", "Langages mathématiques", "Langages des arts", "Méthodes et outils", "Formation de la personne", "Systèmes naturels", "Représentations du monde"];

        public static ReportCard For(int pupil) => new(
            new SchoolCard("Collège Louise Michel (fictif)", "12 rue de la République, 93200 Saint-Denis", "0930002X"),
            "premier trimestre",
            new PupilCard($"Élève {pupil:00000} Nom-de-famille", "4e " + (char)('A' + (pupil % 6)), new DateTime(2012, 1 + (pupil % 12), 1 + (pupil % 28))),
            [.. SubjectNames.Select((name, i) => new SubjectCard(
                name, $"M. ou Mme Professeur {i}", 8 + ((pupil + i) % 120) / 10m, 11.5m + i / 10m, 3.5m, 19.5m,
                $"Trimestre {((pupil + i) % 3 == 0 ? "encourageant" : "sérieux")} : des efforts à poursuivre en {name.ToLowerInvariant()}, participation <régulière> & pertinente."))],
            12.345m + (pupil % 50) / 10m,
            11.9m,
            [.. Components.Select((c, i) => new CompetencyCard(c, 1 + ((pupil + i) % 4)))],
            pupil % 7,
            pupil % 3,
            "Bon trimestre dans l'ensemble ; l'élève doit continuer à s'investir à l'oral.",
            new DateTime(2026, 12, 18));
    }

    public sealed record SchoolCard(string Name, string Address, string Uai);

    public sealed record PupilCard(string Name, string ClassName, DateTime Born);

    public sealed record SubjectCard(string Name, string Teacher, decimal Average, decimal ClassAverage, decimal Min, decimal Max, string Comment);

    public sealed record CompetencyCard(string Component, int Level);
}
