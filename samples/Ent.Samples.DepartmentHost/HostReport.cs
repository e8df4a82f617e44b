using System.Globalization;
using Ent.Core.Events;
using Ent.Core.Learning;
using Ent.Core.Organisation;
using Ent.Core.Strategies;
using Ent.Sdk.Demo;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Samples.DepartmentHost;

/// <summary>Prints what the host composed: plugins in start order, diagnostics, enablement per school, a demonstration, usage.</summary>
internal sealed class HostReport(TextWriter output, HostReport.Labels labels)
{
    private const string ReadinessView = "prepare-first/class-readiness";

    public static readonly Labels French = new(
        CultureInfo.GetCultureInfo("fr-FR"), "Hôte départemental Ent", "Répertoires d'extensions", "Extensions chargées (ordre de démarrage)", "aucune",
        "Diagnostics", "aucun", "Activation des extensions le", "activée", "désactivée", "Démonstration", "classe", "cours",
        "Propositions de la stratégie", "pour", "rien à proposer", "Regroupements proposés", "terminé", "Usage", "pédagogique", "administration", "communication", "vie scolaire", "part pédagogique",
        "Données", "cette exécution", "journal, toutes exécutions", "Modèles de vues (source en vigueur)", "fourni par", "surcharge du département", "surcharge(s) d'établissement",
        "Contenu de démonstration des extensions (documents à côté du fichier de données)", "nom de document refusé");

    public static readonly Labels English = new(
        CultureInfo.GetCultureInfo("en-GB"), "Ent department host", "Plugin directories", "Plugins loaded (start order)", "none",
        "Diagnostics", "none", "Plugin enablement on", "on", "off", "Demonstration", "class", "course",
        "Proposals of strategy", "for", "nothing to propose", "Proposed groupings", "finished", "Usage", "pedagogical", "administration", "communication", "school life (attendance)", "pedagogical share",
        "Data", "this run", "log, all runs", "View templates (effective source)", "shipped by", "department override", "school override(s)",
        "Plugins' demonstration content (documents next to the data file)", "document name refused");

    public void Header(Department department, string sdkVersion, IEnumerable<string> directories, string dataFile)
    {
        Line($"{labels.Title} — {department.Name} ({department.Code}) — Ent.Sdk {sdkVersion}");
        Line();
        Line($"{labels.Data}: {dataFile}");
        Line($"{labels.Directories}:");
        foreach (var directory in directories)
        {
            Line($"  {directory}");
        }
    }

    public void Plugins(IEntRuntime runtime)
    {
        Line();
        Line($"{labels.Plugins}:");
        if (runtime.Plugins.Count == 0)
        {
            Line($"  ({labels.NoPlugin})");
        }

        var index = 0;
        foreach (var plugin in runtime.Plugins)
        {
            Line($"  {++index}. {plugin.Id} {plugin.Manifest.Version} — {plugin.Manifest.DisplayName.For(labels.Culture)} [{plugin.State}]");
            Line($"     {plugin.Folder ?? "in-process"}");
        }

        Line();
        Line($"{labels.Diagnostics}:");
        if (runtime.Diagnostics.Count == 0)
        {
            Line($"  ({labels.NoDiagnostic})");
        }

        foreach (var diagnostic in runtime.Diagnostics)
        {
            Line($"  {diagnostic}");
        }
    }

    public void Enablement(EntHost host, IEnumerable<School> schools, DateOnly today)
    {
        var enablement = host.Services.GetRequiredService<IPluginEnablement>();
        var plan = host.Services.GetRequiredService<Ent.Sdk.Rollout.IRolloutPlan>();
        Line();
        Line($"{labels.Enablement} {today.ToString("d", labels.Culture)}:");
        foreach (var school in schools)
        {
            var states = host.Runtime.Plugins.Select(p => $"{p.Id} {(enablement.IsEnabled(p.Id, school.Id) ? labels.On : labels.Off)}");
            var wave = plan.WaveOf(school.Id) is { } found ? $" ({found.Name}, {found.Start.ToString("d", labels.Culture)})" : string.Empty;
            Line($"  {school.Uai} {school.Name}{wave}: {string.Join(", ", states.DefaultIfEmpty("—"))}");
        }
    }

    public async Task DemoAsync(EntHost host, DemoSchool demo)
    {
        var offer = host.Services.GetRequiredService<ISchoolOffer>();
        var records = host.Services.GetRequiredService<ILearnerRecords>();
        var teacher = new Ent.Core.Access.Actor(demo.Teacher.Id, demo.Teacher.Department);
        var titles = demo.Course.Activities.ToDictionary(a => a.Id, a => a.Title);
        Line();
        Line($"{labels.Demo} — {demo.School.Name}, {labels.Class} {demo.Class.Name}, {labels.Course} « {demo.Course.Title} »:");

        // What the school is offered: the strategies of the core and of the plugins on there.
        var strategies = offer.Strategies(demo.School.Id).OrderBy(s => s.Id, StringComparer.Ordinal);
        var situations = new List<LearnerSituation>();
        foreach (var learner in demo.Learners)
        {
            situations.Add(new LearnerSituation(demo.Course, learner.Id, await records.ProgressOfAsync(teacher, demo.Course.Id, learner.Id).ConfigureAwait(false)));
        }

        var names = demo.Learners.ToDictionary(l => l.Id, l => l.DisplayName);
        foreach (var strategy in strategies)
        {
            Line();
            Line($"  {labels.ProposalsOf} {strategy.Id} ({strategy.Name.For(labels.Culture)}):");
            foreach (var situation in situations)
            {
                var proposal = await strategy.ProposeForAsync(teacher, situation).ConfigureAwait(false); // as the class's teacher: strategies read their own records for them
                var first = proposal.Next.FirstOrDefault();
                Line(first is null
                    ? $"    {labels.For} {names[situation.Learner]}: {labels.NothingToPropose}"
                    : $"    {labels.For} {names[situation.Learner]}: {titles[first.Activity]} — {first.Reason.For(labels.Culture)}");
            }

            var groupings = (await strategy.ProposeForAsync(teacher, new ClassSituation(demo.Course, [.. situations])).ConfigureAwait(false)).Groupings;
            Line($"    {labels.Groupings}: " + string.Join(" | ", groupings.Select(g =>
                $"{(g.Activity is { } activity ? titles[activity] : labels.Finished)}: {string.Join(", ", g.Learners.Select(l => names[l]))}")));
        }

        // A plugin's view, rendered by name in the reader's language, with the department's and the school's overrides.
        var views = host.Services.GetRequiredService<IViewRenderer>();
        if (host.Services.GetRequiredService<IViewCatalog>().Find(ReadinessView) is not null && offer.OffersView(ReadinessView, demo.School.Id))
        {
            var learners = situations.Select(s => new
            {
                Name = names[s.Learner],
                Completed = demo.Course.Activities.Count(a => s.StatusOf(a.Id) == CompletionStatus.Completed),
                Total = demo.Course.Activities.Count(),
            }).ToList();
            var model = new { ClassName = demo.Class.Name, SessionTitle = demo.Course.Title, Learners = learners, ReadyShare = (double)learners.Count(l => l.Completed == l.Total) / Math.Max(learners.Count, 1) };
            Line();
            foreach (var line in views.Render(ReadinessView, model, new ViewScope(demo.School.Uai.Value, labels.Culture.TwoLetterISOLanguageName)).TrimEnd().Split('\n'))
            {
                Line("  " + line.TrimEnd());
            }
        }
    }

    /// <summary>
    /// What the plugins on in the demo school add to it; their documents are written to <paramref name="folder"/>. The contributions run in
    /// the plugins' start order (each after the plugins it depends on, whose data it may read) and are reported by plugin id.
    /// </summary>
    public async Task DemoContributionsAsync(EntHost host, DemoSchool demo, string folder)
    {
        var context = new DemoContext(demo.School, demo.Class, demo.Course, demo.Teacher, demo.Learners, demo.Period) { Language = labels.Culture.TwoLetterISOLanguageName };
        var started = host.Runtime.Plugins.Select((p, i) => (p.Manifest.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var contributors = host.Services.GetRequiredService<ISchoolOffer>().DemoContributors(demo.School.Id)
            .Select(c => (Contributor: c, Plugin: host.Runtime.PluginDefining(c.GetType())))
            .OrderBy(c => c.Plugin is { } plugin && started.TryGetValue(plugin.Id, out var position) ? position : -1)
            .ToList();
        if (contributors.Count == 0)
        {
            return;
        }

        var reported = new List<(string Plugin, List<string> Lines)>();
        foreach (var (contributor, plugin) in contributors)
        {
            var lines = new List<string>();
            reported.Add((plugin?.Id ?? "host", lines));
            try
            {
                var contribution = await contributor.ContributeAsync(context, CancellationToken.None).ConfigureAwait(false);
                lines.Add($"  {plugin?.Id ?? "host"}: {contribution.Summary}");
                foreach (var document in contribution.Documents)
                {
                    if (document.FileName.Length == 0 || document.FileName.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')) || document.FileName.StartsWith('.'))
                    {
                        lines.Add($"    ! {labels.RefusedDocument} '{document.FileName}'");
                        continue;
                    }

                    Directory.CreateDirectory(folder);
                    await File.WriteAllTextAsync(Path.Combine(folder, document.FileName), document.Content).ConfigureAwait(false);
                    lines.Add($"    → demo/{document.FileName}");
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException && !(exception is Ent.Storage.StorageException and not Ent.Storage.RecordConflictException))
            {
                // A plugin's failure must not take the host down: reported, and the report goes on. A store found corrupt
                // or lost is not the plugin's failure: it stops the host (below), naming the file or server.
                lines.Add($"  {plugin?.Id ?? "host"}: ! {exception.GetType().Name}: {exception.Message}");
            }
        }

        Line();
        Line($"{labels.Contributions}:");
        foreach (var line in reported.OrderBy(r => r.Plugin, StringComparer.Ordinal).SelectMany(r => r.Lines))
        {
            Line(line);
        }
    }

    public void Views(IViewCatalog catalog)
    {
        Line();
        Line($"{labels.Views}:");
        foreach (var template in catalog.Templates)
        {
            var source = template.EffectiveFor() is { } effective
                ? effective.Layer == ViewLayer.Shipped ? $"{labels.ShippedBy} {effective.Origin}" : $"{labels.DepartmentOverride} {effective.Origin}"
                : labels.NoPlugin;
            Line($"  {template.Name} ({template.Kind}) — {source}{(template.Schools.Count > 0 ? $" + {template.Schools.Count} {labels.SchoolOverrides}" : string.Empty)}");
        }

        foreach (var diagnostic in catalog.Diagnostics)
        {
            Line($"  ! {diagnostic}");
        }
    }

    public void Usage(UsageCounter run, IReadOnlyDictionary<UsageCategory, long> logged)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(logged);
        Line();
        Line($"{labels.Usage} ({labels.ThisRun}): {UsageLine(c => run[c])}");
        Line($"{labels.Usage} ({labels.LogAllRuns}): {UsageLine(c => logged[c])}");
    }

    private string UsageLine(Func<UsageCategory, long> count)
    {
        var total = Math.Max(Enum.GetValues<UsageCategory>().Sum(count), 1);
        return $"{labels.Pedagogical} {count(UsageCategory.Pedagogical)}, {labels.Administration} {count(UsageCategory.Administration)}, "
            + $"{labels.Communication} {count(UsageCategory.Communication)}, {labels.VieScolaire} {count(UsageCategory.VieScolaire)} — {labels.PedagogicalShare} {((double)count(UsageCategory.Pedagogical) / total).ToString("P0", labels.Culture)}";
    }

    private void Line(string text = "") => output.WriteLine(text);

    /// <summary>The report's words in one language.</summary>
    internal sealed record Labels(
        CultureInfo Culture, string Title, string Directories, string Plugins, string NoPlugin, string Diagnostics, string NoDiagnostic,
        string Enablement, string On, string Off, string Demo, string Class, string Course, string ProposalsOf, string For,
        string NothingToPropose, string Groupings, string Finished, string Usage, string Pedagogical, string Administration,
        string Communication, string VieScolaire, string PedagogicalShare, string Data, string ThisRun, string LogAllRuns, string Views, string ShippedBy, string DepartmentOverride, string SchoolOverrides,
        string Contributions, string RefusedDocument);
}
