using Ent.Sdk.Localization;
using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Views;

/// <summary>A host with the "specs" templates and strings of this assembly and a department override folder of its own.</summary>
internal sealed class ViewHost : IDisposable
{
    private readonly ServiceProvider _provider;

    private ViewHost(string overrides, ServiceProvider provider)
    {
        Overrides = overrides;
        _provider = provider;
    }

    /// <summary>The department's override folder (deleted with the host).</summary>
    public string Overrides { get; }

    public IViewRenderer Renderer => _provider.GetRequiredService<IViewRenderer>();

    public IViewCatalog Catalog => _provider.GetRequiredService<IViewCatalog>();

    public ILocalizedStrings Strings => _provider.GetRequiredService<ILocalizedStrings>();

    /// <summary>Builds a host; <paramref name="overrides"/> writes the override files first (relative path → content).</summary>
    public static ViewHost Create(IReadOnlyDictionary<string, string>? overrides = null, Action<ViewOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ent-views-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (path, content) in overrides ?? new Dictionary<string, string>())
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection.AddEnt(ent => ent.UseViewOverrides(folder));
        collection.AddEntViews("specs", typeof(ViewHost).Assembly);
        if (configure is not null)
        {
            collection.Configure(configure);
        }

        return new ViewHost(folder, collection.BuildServiceProvider());
    }

    public string Render(string name, object? model = null, ViewScope? scope = null, CancellationToken cancellationToken = default) =>
        Renderer.Render(name, model, scope, cancellationToken);

    public void Dispose()
    {
        _provider.Dispose();
        Directory.Delete(Overrides, recursive: true);
    }
}
