using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Ent.Core.Organisation;
using Ent.Sdk.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scriban;

namespace Ent.Sdk.Views;

/// <summary>
/// Loads every template and string table once, at start: the ones shipped by plugins and the host
/// (embedded <c>views/…</c> and <c>strings/…</c> resources), then the department's and the schools'
/// overrides from the override folder. A version that does not load is skipped with a diagnostic; an
/// override that does not load leaves the version below it in force.
/// </summary>
internal sealed partial class ViewCatalog : IViewCatalog
{
    /// <summary>The extension of HTML templates.</summary>
    public const string HtmlExtension = ".sbn-html";

    /// <summary>The extension of text templates.</summary>
    public const string TextExtension = ".sbn-txt";

    private const int MaxTemplateLength = 1_000_000;
    private const int MaxDiagnostics = 1_000;

    private readonly ILogger<ViewCatalog> _logger;
    private readonly Dictionary<string, ViewEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, StringTable>> _strings = new(StringComparer.Ordinal);
    private readonly List<ViewDiagnostic> _diagnostics = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly FrozenDictionary<string, ViewTemplateInfo> _infos;

    /// <summary>Loads the shipped templates and strings, then the overrides.</summary>
    public ViewCatalog(IEnumerable<ViewPackage> packages, IOptions<ViewOptions> options, ILogger<ViewCatalog> logger)
    {
        _logger = logger;
        Options = options.Value;
        var areas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            if (areas.TryGetValue(package.Area, out var owner))
            {
                Report(new ViewDiagnostic(package.Area + "/*", new ViewSource(ViewLayer.Shipped, package.Origin), $"the area '{package.Area}' is already shipped by {owner}; these templates and strings are ignored."));
                continue;
            }

            areas[package.Area] = package.Origin;
            LoadPackage(package);
        }

        CheckTranslations(areas); // the shipped strings, before the department's rewording
        if (Options.OverrideDirectory is { } directory)
        {
            LoadOverrides(Path.GetFullPath(directory));
        }

        Templates = [.. _entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.ToInfo())];
        Names = _entries.ToFrozenDictionary(StringComparer.Ordinal);
        _infos = Templates.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The options in force.</summary>
    public ViewOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<ViewTemplateInfo> Templates { get; }

    /// <inheritdoc />
    public IReadOnlyList<ViewDiagnostic> Diagnostics
    {
        get
        {
            lock (_lock)
            {
                return [.. _diagnostics];
            }
        }
    }

    /// <summary>The entries by name, frozen once loaded.</summary>
    public FrozenDictionary<string, ViewEntry> Names { get; }

    /// <inheritdoc />
    public ViewTemplateInfo? Find(string name) => _infos.GetValueOrDefault(name);

    /// <summary>Whether a template name is well formed: an area and a path of lower-case segments (<c>grading/report-card</c>).</summary>
    public static bool IsValidName(string name) => NameShape().IsMatch(name);

    /// <summary>The texts of an area in a language, or null.</summary>
    public StringTable? Strings(string area, string language) =>
        _strings.TryGetValue(area, out var languages) && languages.TryGetValue(language, out var table) ? table : null;

    /// <summary>The languages an area has texts in.</summary>
    public IReadOnlyList<string> LanguagesOf(string area) =>
        _strings.TryGetValue(area, out var languages) ? [.. languages.Keys.Order(StringComparer.Ordinal)] : [];

    /// <summary>Records a problem once (later identical ones are not repeated) and logs it.</summary>
    public void Report(ViewDiagnostic diagnostic)
    {
        lock (_lock)
        {
            if (_diagnostics.Count >= MaxDiagnostics || !_reported.Add(diagnostic.ToString()))
            {
                return; // the first thousand are kept; a template failing with ever-new messages cannot fill memory
            }

            _diagnostics.Add(diagnostic);
        }

        _logger.LogWarning("View diagnostic: {Diagnostic}", diagnostic.ToString());
    }

    private void LoadPackage(ViewPackage package)
    {
        var source = new ViewSource(ViewLayer.Shipped, package.Origin);
        foreach (var resource in package.Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var path = resource.Replace('\\', '/');
            if (path.StartsWith("views/", StringComparison.Ordinal) && KindOf(path) is { } kind)
            {
                var name = $"{package.Area}/{path["views/".Length..^Extension(kind).Length]}";
                Add(name, kind, source, () => ReadResource(package, resource), (entry, view) => entry.Shipped = view with { Host = package.Host });
            }
            else if (path.StartsWith("strings/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal))
            {
                var language = path["strings/".Length..^".json".Length];
                AddStrings(package.Area, language, source, () => ReadResource(package, resource), $"{package.Origin}:{resource}");
            }
        }
    }

    private void LoadOverrides(string directory)
    {
        if (!Directory.Exists(directory))
        {
            Report(new ViewDiagnostic("*", new ViewSource(ViewLayer.Department, directory), "the override folder does not exist; only shipped templates and strings are used."));
            return;
        }

        LoadTemplateFiles(Path.Combine(directory, "views"), new ViewSource(ViewLayer.Department, directory), school: null);
        var schools = Path.Combine(directory, "schools");
        if (Directory.Exists(schools))
        {
            foreach (var folder in Directory.EnumerateDirectories(schools).Order(StringComparer.Ordinal))
            {
                var uai = Path.GetFileName(folder);
                if (!Uai.TryParse(uai, out var parsed) || parsed.Value != uai)
                {
                    Report(new ViewDiagnostic("*", new ViewSource(ViewLayer.School, folder, uai), $"'{uai}' is not a school's UAI (seven digits and a check letter, e.g. 0930001W); the folder is ignored."));
                    continue;
                }

                LoadTemplateFiles(Path.Combine(folder, "views"), new ViewSource(ViewLayer.School, folder, uai), uai);
            }
        }

        var strings = Path.Combine(directory, "strings");
        if (Directory.Exists(strings))
        {
            foreach (var file in Directory.EnumerateFiles(strings, "*.json").Order(StringComparer.Ordinal))
            {
                var parts = Path.GetFileNameWithoutExtension(file).Split('.');
                var source = new ViewSource(ViewLayer.Department, file);
                if (parts.Length != 2)
                {
                    Report(new ViewDiagnostic("strings:*", source, $"'{Path.GetFileName(file)}' is not named <area>.<language>.json (e.g. grading.fr.json); it is ignored."));
                    continue;
                }

                AddStrings(parts[0], parts[1], source, () => File.ReadAllText(file), file);
            }
        }
    }

    private void LoadTemplateFiles(string root, ViewSource folder, string? school)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var source = folder with { Origin = file };
            if (KindOf(relative) is not { } kind)
            {
                Report(new ViewDiagnostic(relative, source, $"'{Path.GetFileName(file)}' is neither a {HtmlExtension} nor a {TextExtension} template; it is ignored."));
                continue;
            }

            var name = relative[..^Extension(kind).Length];
            Add(name, kind, source, () => File.ReadAllText(file), (entry, view) =>
            {
                if (school is null)
                {
                    entry.Department = view;
                }
                else
                {
                    entry.Schools[school] = view;
                }
            });
        }
    }

    private void Add(string name, ViewKind kind, ViewSource source, Func<string> read, Action<ViewEntry, CompiledView> place)
    {
        if (!IsValidName(name))
        {
            Report(new ViewDiagnostic(name, source, $"'{name}' is not a template name: use an area and lower-case segments, e.g. grading/report-card."));
            return;
        }

        if (_entries.TryGetValue(name, out var entry))
        {
            if (entry.Kind != kind)
            {
                Report(new ViewDiagnostic(name, source, $"this override is {kind} but the template is {entry.Kind}; it is ignored."));
                return;
            }

            if (source.Layer == ViewLayer.Shipped)
            {
                Report(new ViewDiagnostic(name, source, $"'{name}' is already shipped by {entry.Shipped?.Source.Origin ?? "another package"}; this one is ignored."));
                return;
            }
        }
        else
        {
            entry = new ViewEntry(name, kind);
            _entries[name] = entry;
        }

        string text;
        try
        {
            text = read();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Broken(entry, new ViewDiagnostic(name, source, $"cannot be read: {exception.Message}"));
            return;
        }

        if (text.Length > MaxTemplateLength)
        {
            Broken(entry, new ViewDiagnostic(name, source, $"is {text.Length} characters long, over the limit of {MaxTemplateLength}."));
            return;
        }

        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            Broken(entry, new ViewDiagnostic(name, source, $"syntax error: {first.Message}", first.Span.Start.Line + 1, first.Span.Start.Column + 1));
            return;
        }

        place(entry, new CompiledView(source, template));
    }

    private void Broken(ViewEntry entry, ViewDiagnostic diagnostic)
    {
        var fallback = diagnostic.Source.Layer == ViewLayer.Shipped ? "the template cannot be rendered" : "the version below it is used instead";
        var reported = diagnostic with { Message = $"{diagnostic.Message} ({fallback})" };
        entry.Broken.Add(reported);
        Report(reported);
    }

    private void AddStrings(string area, string language, ViewSource source, Func<string> read, string description)
    {
        if (!LanguageCode.IsValid(language))
        {
            Report(new ViewDiagnostic($"strings:{area}", source, $"'{language}' is not a language code such as 'fr' or 'en'; the texts are ignored."));
            return;
        }

        StringTable table;
        try
        {
            table = StringTable.Parse(read(), description);
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            var fallback = source.Layer == ViewLayer.Shipped ? "the texts are ignored" : "the shipped texts are used instead";
            Report(new ViewDiagnostic($"strings:{area}", source, $"{exception.Message} ({fallback})"));
            return;
        }

        if (!_strings.TryGetValue(area, out var languages))
        {
            languages = new Dictionary<string, StringTable>(StringComparer.Ordinal);
            _strings[area] = languages;
        }

        languages[language] = languages.TryGetValue(language, out var shipped) ? shipped.With(table) : table;
    }

    private void CheckTranslations(Dictionary<string, string> origins)
    {
        foreach (var (area, languages) in _strings)
        {
            var keys = languages.Values.SelectMany(t => t.Texts.Keys).ToHashSet(StringComparer.Ordinal);
            foreach (var (language, table) in languages)
            {
                var missing = keys.Where(k => !table.Texts.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    Report(new ViewDiagnostic($"strings:{area}", new ViewSource(ViewLayer.Shipped, origins.GetValueOrDefault(area, area)), $"'{language}' has no text for {missing.Count} key(s): {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : string.Empty)}; another language's is shown."));
                }
            }
        }
    }

    private static ViewKind? KindOf(string path) =>
        path.EndsWith(HtmlExtension, StringComparison.Ordinal) ? ViewKind.Html
        : path.EndsWith(TextExtension, StringComparison.Ordinal) ? ViewKind.Text
        : null;

    private static string Extension(ViewKind kind) => kind == ViewKind.Html ? HtmlExtension : TextExtension;

    private static string ReadResource(ViewPackage package, string resource)
    {
        using var stream = package.Assembly.GetManifestResourceStream(resource) ?? throw new IOException($"{package.Origin} lists the resource '{resource}' but does not provide it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
