using Ent.Core.Strategies;
using Ent.Sdk.Hosting;
using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;

var builder = EntHost.CreateBuilder();
builder.Ent.AddPluginDirectory(args[0]);
await using var host = builder.Build();
await host.StartAsync();
foreach (var plugin in host.Runtime.Plugins)
{
    Console.WriteLine($"plugin {plugin.Id} {plugin.Manifest.Version} {plugin.State}");
}

foreach (var diagnostic in host.Runtime.Diagnostics)
{
    Console.WriteLine($"diagnostic {diagnostic}");
}

foreach (var strategy in host.Services.GetServices<IPedagogicalStrategy>().OrderBy(s => s.Id, StringComparer.Ordinal))
{
    Console.WriteLine($"strategy {strategy.Id}: {strategy.Name.French}");
}

var views = host.Services.GetRequiredService<IViewRenderer>();
Console.WriteLine($"view fr: {views.Render("hello/welcome", new { Name = "Zoé <3" })}".TrimEnd());
Console.WriteLine($"view en: {views.Render("hello/welcome", new { Name = "Zoé <3" }, new ViewScope(Language: "en"))}".TrimEnd());

return host.Runtime.Diagnostics.Count == 0 ? 0 : 1;
