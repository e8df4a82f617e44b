using System.Globalization;
using Ent.Core.Organisation;
using Ent.Sdk.Hosting;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;
using Ent.Sdk.Rollout;

namespace Ent.Hosting.AspNetCore.Admin;

/// <summary>
/// The rollout: each wave (its start, schools and plugins), and for each school its wave and the plugins on there on a day
/// (today, or the one chosen): the department's administrator sees every school, a head of school theirs.
/// </summary>
internal sealed class RolloutPage(IRolloutPlan plan, IOrganisationDirectory directory, IEntRuntime runtime, ILocalizedStrings strings) : EntPage<NoRouteValues>
{
    public const string Route = "admin/rollout";

    public override Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var day = context.Today;
        if (context.Query.TryGetValue("day", out var asked) && asked.Length > 0)
        {
            if (DateOnly.TryParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                day = parsed;
            }
            else
            {
                errors.Add(strings.Get("ent", "admin.bad-date", context.Language, asked));
            }
        }

        var schools = context.School is { } own ? [own] : directory.SchoolsOf(context.Actor.Department).OrderBy(s => s.Uai.Value, StringComparer.Ordinal).ToArray();
        var names = runtime.Plugins.ToDictionary(p => p.Id, p => context.Language == "en" ? p.Manifest.DisplayName.English : p.Manifest.DisplayName.French, StringComparer.Ordinal);
        string Name(string plugin) => names.GetValueOrDefault(plugin, plugin);
        var model = new
        {
            Day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Errors = errors,
            Waves = plan.Waves.Where(w => context.School is null || w.Schools.Contains(context.School.Id)).Select(w => new
            {
                w.Name,
                Start = w.Start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Schools = w.Schools.Count,
                Plugins = string.Join(", ", w.Plugins.Select(Name)),
                Started = w.Start <= day,
            }).ToArray(),
            Schools = schools.Select(s => new
            {
                s.Name,
                Uai = s.Uai.Value,
                Wave = plan.WaveOf(s.Id)?.Name,
                Plugins = string.Join(", ", plan.PluginsOn(s.Id, day).Select(Name)),
            }).ToArray(),
            Action = context.Link(Route),
        };
        return Task.FromResult(PageResult.View("ent/admin/rollout", model, strings.Get("ent", "admin.rollout.title", context.Language)));
    }
}
