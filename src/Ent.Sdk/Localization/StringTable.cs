using System.Collections.Frozen;
using System.Text.Json;

namespace Ent.Sdk.Localization;

/// <summary>One language's texts of one area: a JSON object of strings, nested objects flattened with dots.</summary>
internal sealed class StringTable
{
    private StringTable(FrozenDictionary<string, string> texts) => Texts = texts;

    /// <summary>The texts by key.</summary>
    public FrozenDictionary<string, string> Texts { get; }

    /// <summary>Reads a table; a problem names the source and the offending key.</summary>
    /// <exception cref="FormatException">Not a JSON object of strings.</exception>
    public static StringTable Parse(string json, string source)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}: the texts must be a JSON object, not {document.RootElement.ValueKind}.");
            }

            Flatten(document.RootElement, prefix: null, texts, source);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{source}: not valid JSON ({exception.Message})", exception);
        }

        return new StringTable(texts.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>This table with <paramref name="overrides"/> replacing or adding texts.</summary>
    public StringTable With(StringTable overrides)
    {
        var merged = new Dictionary<string, string>(Texts, StringComparer.Ordinal);
        foreach (var (key, text) in overrides.Texts)
        {
            merged[key] = text;
        }

        return new StringTable(merged.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> texts, string source)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    var text = property.Value.GetString()!;
                    texts[key] = CompositeText.Problem(text) is { } problem
                        ? throw new FormatException($"{source}: '{key}' (\"{text[..Math.Min(80, text.Length)]}\"): {problem}.")
                        : text;
                    break;
                case JsonValueKind.Object:
                    Flatten(property.Value, key, texts, source);
                    break;
                default:
                    throw new FormatException($"{source}: '{key}' is {property.Value.ValueKind}; a text must be a string.");
            }
        }
    }
}
