using System.Collections.Immutable;
using System.Text.Json;
using Ent.Core.Identifiers;
using Ent.Core.Text;
using Ent.Sdk.Versioning;

namespace Ent.Sdk.Plugins;

/// <summary>
/// What a plugin says about itself, in the <c>plugin.json</c> file of its folder: id, version, the
/// Ent.Sdk versions it supports, the plugins it depends on, its entry assembly, the contracts
/// assemblies it publishes for other plugins, and its name and description in French and English.
/// </summary>
public sealed record PluginManifest
{
    /// <summary>The file name of a manifest in a plugin folder (and of the embedded resource for in-process plugins).</summary>
    public const string FileName = "plugin.json";

    /// <summary>The largest <c>plugin.json</c> read, in bytes (64 KiB); a larger file, or one that never ends (a link to <c>/dev/zero</c>), is refused.</summary>
    public const int MaxFileLength = 64 * 1024;

    /// <summary>Creates a manifest.</summary>
    /// <param name="id">A stable id: lower-case letters, digits, '.', '-', e.g. <c>acme.reading-club</c>.</param>
    /// <param name="version">The plugin's version.</param>
    /// <param name="sdkVersions">The Ent.Sdk versions the plugin supports.</param>
    /// <param name="displayName">Its name in French and English.</param>
    /// <param name="description">Its description in French and English.</param>
    /// <param name="assembly">The file name of its entry assembly, for a folder plugin.</param>
    /// <param name="dependencies">The plugins it depends on.</param>
    /// <param name="contracts">The file names of the contracts assemblies it publishes (folder plugins only), e.g. <c>Acme.Marks.Contracts.dll</c>.</param>
    /// <exception cref="PluginManifestException">The id is not a stable id, or a contracts entry is not a .dll file name.</exception>
    public PluginManifest(string id, SemanticVersion version, VersionRange sdkVersions, LocalizedText displayName, LocalizedText description, string? assembly = null, ImmutableArray<PluginDependency> dependencies = default, ImmutableArray<string> contracts = default)
    {
        if (!IsValidId(id))
        {
            throw new PluginManifestException($"'{id}' is not a valid plugin id: use lower-case letters, digits, '.' and '-', starting with a letter.");
        }

        Id = id;
        Version = version ?? throw new ArgumentNullException(nameof(version));
        SdkVersions = sdkVersions ?? throw new ArgumentNullException(nameof(sdkVersions));
        DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Assembly = assembly;
        Dependencies = dependencies.IsDefault ? [] : dependencies;
        Contracts = contracts.IsDefault ? [] : contracts;
        foreach (var file in Contracts)
        {
            if (!IsAssemblyFileName(file))
            {
                throw new PluginManifestException($"field 'contracts' must list .dll file names in the plugin folder, not '{file}'.");
            }
        }
    }

    /// <summary>The plugin's stable id.</summary>
    public string Id { get; }

    /// <summary>The plugin's version.</summary>
    public SemanticVersion Version { get; }

    /// <summary>The Ent.Sdk versions the plugin supports.</summary>
    public VersionRange SdkVersions { get; }

    /// <summary>Its name in French and English.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>Its description in French and English.</summary>
    public LocalizedText Description { get; }

    /// <summary>The file name of its entry assembly (folder plugins only).</summary>
    public string? Assembly { get; }

    /// <summary>The plugins it depends on, required or optional.</summary>
    public ImmutableArray<PluginDependency> Dependencies { get; }

    /// <summary>
    /// The contracts assemblies it publishes: files of its folder that plugins depending on it compile against
    /// and share with it at run time (loaded once, so their types are the same in every plugin).
    /// </summary>
    public ImmutableArray<string> Contracts { get; }

    /// <summary>Reads a manifest from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it comes from, for error messages (a file path or a resource name).</param>
    /// <exception cref="PluginManifestException">The JSON is malformed or a field is missing or invalid; the message names the field and value.</exception>
    public static PluginManifest Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new PluginManifestException($"{source}: not valid JSON ({exception.Message})", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PluginManifestException($"{source}: a manifest is a JSON object.");
            }

            try
            {
                var id = RequiredString(root, "id", source);
                var version = Parsed(RequiredString(root, "version", source), "version", source, SemanticVersion.Parse);
                var sdk = Parsed(RequiredString(root, "sdk", source), "sdk", source, VersionRange.Parse);
                var name = Localized(root, "name", source, required: true)!;
                var description = Localized(root, "description", source, required: false) ?? name;
                var assembly = OptionalString(root, "assembly", source);
                if (assembly is not null && !IsAssemblyFileName(assembly))
                {
                    throw new PluginManifestException($"{source}: field 'assembly' must be a .dll file name in the plugin folder, not '{assembly}'.");
                }

                var dependencies = ImmutableArray.CreateBuilder<PluginDependency>();
                ReadDependencies(root, "dependencies", optional: false, source, dependencies);
                ReadDependencies(root, "optionalDependencies", optional: true, source, dependencies);
                return new PluginManifest(id, version, sdk, name, description, assembly, dependencies.ToImmutable(), ReadContracts(root, source));
            }
            catch (PluginManifestException exception) when (!exception.Message.StartsWith(source, StringComparison.Ordinal))
            {
                throw new PluginManifestException($"{source}: {exception.Message}", exception);
            }
        }
    }

    /// <summary>Reads and parses a <c>plugin.json</c>, reading at most <see cref="MaxFileLength"/> bytes.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="PluginManifestException">The file is too large, not UTF-8 JSON, or not a valid manifest; the message names the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    internal static PluginManifest Load(string path)
    {
        var buffer = new byte[MaxFileLength + 1];
        var read = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            int count;
            while (read < buffer.Length && (count = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += count;
            }
        }

        if (read > MaxFileLength)
        {
            throw new PluginManifestException($"{path}: the manifest is over {MaxFileLength / 1024} KiB (reading stopped there); a plugin.json is a few hundred bytes.");
        }

        string json;
        try
        {
            json = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, read).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException exception)
        {
            throw new PluginManifestException($"{path}: the manifest is not UTF-8 text ({exception.Message})", exception);
        }

        return Parse(json, path);
    }

    /// <summary>Whether a text is a valid plugin id.</summary>
    /// <param name="id">The text.</param>
    public static bool IsValidId(string? id) => StableId.IsValid(id);

    private static bool IsAssemblyFileName(string file) =>
        file.Length > ".dll".Length && file.IndexOfAny(['/', '\\']) < 0 && file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<string> ReadContracts(JsonElement root, string source)
    {
        if (!root.TryGetProperty("contracts", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new PluginManifestException($"{source}: field 'contracts' must be an array of .dll file names, e.g. [\"Acme.Marks.Contracts.dll\"], not {element.GetRawText()}.");
        }

        return [.. element.EnumerateArray().Select(e => e.GetString()!)]; // each a .dll file name: the constructor checks
    }

    private static void ReadDependencies(JsonElement root, string field, bool optional, string source, ImmutableArray<PluginDependency>.Builder into)
    {
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PluginManifestException($"{source}: field '{field}' must be an object mapping plugin ids to version ranges, e.g. {{ \"ent.grading\": \"^1.0.0\" }}.");
        }

        foreach (var dependency in element.EnumerateObject())
        {
            if (!IsValidId(dependency.Name))
            {
                throw new PluginManifestException($"{source}: '{dependency.Name}' in '{field}' is not a valid plugin id.");
            }

            if (dependency.Value.ValueKind != JsonValueKind.String)
            {
                throw new PluginManifestException($"{source}: the version range of '{dependency.Name}' in '{field}' must be a string.");
            }

            var range = Parsed(dependency.Value.GetString()!, $"{field}.{dependency.Name}", source, VersionRange.Parse);
            into.Add(new PluginDependency(dependency.Name, range, optional));
        }
    }

    private static LocalizedText? Localized(JsonElement root, string field, string source, bool required)
    {
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new PluginManifestException($"{source}: field '{field}' is required, e.g. \"{field}\": {{ \"fr\": \"…\", \"en\": \"…\" }}.") : null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PluginManifestException($"{source}: field '{field}' must be an object with 'fr' and 'en' texts.");
        }

        var french = OptionalString(element, "fr", source);
        if (string.IsNullOrWhiteSpace(french))
        {
            throw new PluginManifestException($"{source}: field '{field}.fr' is required: French is the default language.");
        }

        return new LocalizedText(french, OptionalString(element, "en", source));
    }

    private static string RequiredString(JsonElement root, string field, string source) =>
        OptionalString(root, field, source) is { Length: > 0 } value
            ? value
            : throw new PluginManifestException($"{source}: field '{field}' is required.");

    private static string? OptionalString(JsonElement root, string field, string source)
    {
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw new PluginManifestException($"{source}: field '{field}' must be a string, not {element.ValueKind.ToString().ToLowerInvariant()} '{element.GetRawText()}'.");
    }

    private static T Parsed<T>(string text, string field, string source, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException exception)
        {
            throw new PluginManifestException($"{source}: field '{field}': {exception.Message}", exception);
        }
    }
}
