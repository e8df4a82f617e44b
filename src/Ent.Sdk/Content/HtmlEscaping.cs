using System.Buffers;
using System.Text;

namespace Ent.Sdk.Content;

/// <summary>Escapes text for HTML content and quoted attribute values: <c>&amp; &lt; &gt; " '</c>, nothing else.</summary>
internal static class HtmlEscaping
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    /// <summary>Appends <paramref name="text"/> escaped.</summary>
    public static void Append(StringBuilder output, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var at = text.IndexOfAny(Special);
            if (at < 0)
            {
                output.Append(text);
                return;
            }

            output.Append(text[..at]).Append(text[at] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", _ => "&#39;" });
            text = text[(at + 1)..];
        }
    }

    /// <summary>Returns <paramref name="text"/> escaped (the same instance when nothing needs escaping).</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 16);
        Append(output, text);
        return output.ToString();
    }
}
