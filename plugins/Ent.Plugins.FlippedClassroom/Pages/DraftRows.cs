using System.Collections.Immutable;
using System.Globalization;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Sessions;

namespace Ent.Plugins.FlippedClassroom.Pages;

/// <summary>
/// The session editor's rows, both ways: a draft shown as rows of fields (<c>check[0.prompt]</c>, <c>resources[1.url]</c>…) with
/// empty rows to add more, and the rows posted read back into a draft; a row whose prompt or title is empty is left out.
/// </summary>
internal static class DraftRows
{
    /// <summary>How many empty rows the editor offers after the filled ones.</summary>
    public const int Spare = 2;

    public static object[] Resources(ImmutableArray<Resource> resources) =>
    [
        .. resources.Select((r, i) => (object)new { Index = i, Id = r.Id.ToString(), r.Title, Url = r.Url ?? "", Text = r.Text ?? "", Minutes = r.Minutes?.ToString(CultureInfo.InvariantCulture) ?? "" }),
        .. Enumerable.Range(resources.Length, Spare).Select(i => (object)new { Index = i, Id = "", Title = "", Url = "", Text = "", Minutes = "" }),
    ];

    public static object[] Questions(ImmutableArray<Question> questions, int spare = Spare) =>
    [
        .. questions.Select((q, i) => (object)new
        {
            Index = i,
            Id = q.Id.ToString(),
            Kind = q.Kind.ToString().ToLowerInvariant(),
            q.Prompt,
            Options = string.Join("\n", q.Options.IsDefault ? [] : q.Options),
            Right = q.Kind switch
            {
                QuestionKind.Choice => (q.CorrectOption!.Value + 1).ToString(CultureInfo.InvariantCulture),
                QuestionKind.Numeric => q.Expected!.Value.ToString(CultureInfo.InvariantCulture),
                _ => "",
            },
            Tolerance = q.Kind == QuestionKind.Numeric && q.Tolerance != 0 ? q.Tolerance.ToString(CultureInfo.InvariantCulture) : "",
        }),
        .. Enumerable.Range(questions.Length, spare).Select(i => (object)new { Index = i, Id = "", Kind = "choice", Prompt = "", Options = "", Right = "", Tolerance = "" }),
    ];

    /// <summary>The resources' rows as they were posted (a form shown again with its errors), with spare rows after them.</summary>
    public static object[] PostedResources(IReadOnlyDictionary<string, string> posted)
    {
        var fields = Entries(posted, "resources");
        var rows = Rows(fields).ToArray();
        return
        [
            .. rows.Select((row, i) => (object)new { Index = i, Id = Raw(fields, row, "id"), Title = Raw(fields, row, "title"), Url = Raw(fields, row, "url"),
                Text = Raw(fields, row, "text"), Minutes = Raw(fields, row, "minutes") }),
            .. Enumerable.Range(rows.Length, Spare).Select(i => (object)new { Index = i, Id = "", Title = "", Url = "", Text = "", Minutes = "" }),
        ];
    }

    /// <summary>A part's questions' rows as they were posted, with spare rows after them.</summary>
    public static object[] PostedQuestions(IReadOnlyDictionary<string, string> posted, string part)
    {
        var fields = Entries(posted, part);
        var rows = Rows(fields).ToArray();
        return
        [
            .. rows.Select((row, i) => (object)new { Index = i, Id = Raw(fields, row, "id"), Kind = Raw(fields, row, "kind") is { Length: > 0 } kind ? kind : "choice",
                Prompt = Raw(fields, row, "prompt"), Options = Raw(fields, row, "options"), Right = Raw(fields, row, "right"), Tolerance = Raw(fields, row, "tolerance") }),
            .. Enumerable.Range(rows.Length, Spare).Select(i => (object)new { Index = i, Id = "", Kind = "choice", Prompt = "", Options = "", Right = "", Tolerance = "" }),
        ];
    }

    public static ImmutableArray<Resource> ReadResources(IReadOnlyDictionary<string, string> fields)
    {
        var read = ImmutableArray.CreateBuilder<Resource>();
        foreach (var row in Rows(fields))
        {
            var title = Field(fields, row, "title");
            if (title is null)
            {
                continue;
            }

            var minutes = Field(fields, row, "minutes") is { } m
                ? int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new ArgumentException($"Resource '{title}': '{m}' is not a number of minutes.")
                : (int?)null;
            read.Add(new Resource(IdOf(fields, row), title, Field(fields, row, "url"), Field(fields, row, "text"), minutes));
        }

        return read.ToImmutable();
    }

    public static ImmutableArray<Question> ReadQuestions(IReadOnlyDictionary<string, string> fields)
    {
        var read = ImmutableArray.CreateBuilder<Question>();
        foreach (var row in Rows(fields))
        {
            var prompt = Field(fields, row, "prompt");
            if (prompt is null)
            {
                continue;
            }

            var id = IdOf(fields, row);
            var right = Field(fields, row, "right");
            read.Add((Field(fields, row, "kind") ?? "choice") switch
            {
                "choice" => Choice(id, prompt, Field(fields, row, "options"), right),
                "numeric" => new Question(id, QuestionKind.Numeric, prompt, [], null, Number(prompt, right) ?? throw new ArgumentException($"Question '{prompt}': give the right number."),
                    Number(prompt, Field(fields, row, "tolerance")) ?? 0),
                "text" or "shorttext" => new Question(id, QuestionKind.ShortText, prompt, [], null, null, 0),
                var other => throw new ArgumentException($"Question '{prompt}': '{other}' is not a kind of question (choice, numeric, text)."),
            });
        }

        return read.ToImmutable();
    }

    public static ImmutableArray<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static Question Choice(Guid id, string prompt, string? options, string? right)
    {
        var choices = Lines(options);
        if (right is null || !int.TryParse(right, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1 || position > choices.Length)
        {
            throw new ArgumentException($"Question '{prompt}': the right option is a number from 1 to {choices.Length}; '{right}' is not that.");
        }

        return new Question(id, QuestionKind.Choice, prompt, choices, position - 1, null, 0);
    }

    private static decimal? Number(string prompt, string? text) =>
        text is null ? null
        : decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number
        : throw new ArgumentException($"Question '{prompt}': '{text}' is not a number.");

    /// <summary>A part's fields as posted (<c>check[0.prompt]</c>), by their key inside the brackets (<c>0.prompt</c>), as the form binds them.</summary>
    private static Dictionary<string, string> Entries(IReadOnlyDictionary<string, string> posted, string part) =>
        posted.Where(f => f.Key.StartsWith(part + "[", StringComparison.Ordinal) && f.Key.EndsWith(']')).ToDictionary(f => f.Key[(part.Length + 1)..^1], f => f.Value, StringComparer.Ordinal);

    /// <summary>The rows with something in them besides their id and kind (a prompt, a title, a link, a text…), in order.</summary>
    private static IEnumerable<int> Rows(IReadOnlyDictionary<string, string> fields) =>
        fields.Where(f => !f.Key.EndsWith(".id", StringComparison.Ordinal) && !f.Key.EndsWith(".kind", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => f.Key.Split('.', 2)[0]).Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : -1)
            .Where(r => r >= 0).Distinct().Order();

    private static string Raw(IReadOnlyDictionary<string, string> fields, int row, string name) =>
        fields.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{row}.{name}"), out var value) ? value : "";

    private static string? Field(IReadOnlyDictionary<string, string> fields, int row, string name) =>
        fields.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{row}.{name}"), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() : null;

    private static Guid IdOf(IReadOnlyDictionary<string, string> fields, int row) =>
        Field(fields, row, "id") is { } id && Guid.TryParse(id, out var guid) ? guid : Guid.CreateVersion7();
}
