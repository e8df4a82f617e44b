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
        var rows = PostedRows(posted, "resources");
        return
        [
            .. rows.Select((row, i) => (object)new { Index = i, Id = Raw(posted, "resources", row, "id"), Title = Raw(posted, "resources", row, "title"), Url = Raw(posted, "resources", row, "url"),
                Text = Raw(posted, "resources", row, "text"), Minutes = Raw(posted, "resources", row, "minutes") }),
            .. Enumerable.Range(rows.Length, Spare).Select(i => (object)new { Index = i, Id = "", Title = "", Url = "", Text = "", Minutes = "" }),
        ];
    }

    /// <summary>A part's questions' rows as they were posted, with spare rows after them.</summary>
    public static object[] PostedQuestions(IReadOnlyDictionary<string, string> posted, string part)
    {
        var rows = PostedRows(posted, part);
        return
        [
            .. rows.Select((row, i) => (object)new { Index = i, Id = Raw(posted, part, row, "id"), Kind = Raw(posted, part, row, "kind") is { Length: > 0 } kind ? kind : "choice",
                Prompt = Raw(posted, part, row, "prompt"), Options = Raw(posted, part, row, "options"), Right = Raw(posted, part, row, "right"), Tolerance = Raw(posted, part, row, "tolerance") }),
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

    /// <summary>The rows of a part posted with something in them (a prompt, a title, a link or a text).</summary>
    private static int[] PostedRows(IReadOnlyDictionary<string, string> posted, string part) =>
    [
        .. posted.Keys.Where(k => k.StartsWith(part + "[", StringComparison.Ordinal) && k.EndsWith(']'))
            .Select(k => k[(part.Length + 1)..^1]).ToDictionary(k => k, k => posted[$"{part}[{k}]"]).Where(f => !f.Key.EndsWith(".id", StringComparison.Ordinal) && !f.Key.EndsWith(".kind", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => f.Key.Split('.', 2)[0]).Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : -1).Where(r => r >= 0).Distinct().Order(),
    ];

    private static string Raw(IReadOnlyDictionary<string, string> posted, string part, int row, string name) =>
        posted.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{part}[{row}.{name}]"), out var value) ? value : "";

    private static IEnumerable<int> Rows(IReadOnlyDictionary<string, string> fields) =>
        fields.Keys.Select(k => k.Split('.', 2)[0]).Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : -1)
            .Where(r => r >= 0).Distinct().Order();

    private static string? Field(IReadOnlyDictionary<string, string> fields, int row, string name) =>
        fields.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{row}.{name}"), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() : null;

    private static Guid IdOf(IReadOnlyDictionary<string, string> fields, int row) =>
        Field(fields, row, "id") is { } id && Guid.TryParse(id, out var guid) ? guid : Guid.CreateVersion7();
}
