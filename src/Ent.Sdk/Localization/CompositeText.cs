namespace Ent.Sdk.Localization;

/// <summary>
/// The limits a text's placeholders keep (<c>{0,-12:N2}</c>): an alignment of at most 100 and a format of at most 24
/// characters whose numbers have at most 2 digits, so that no strings file can make a render allocate gigabytes
/// (<c>{0,1000000000}</c>, <c>{0:D999999999}</c>).
/// </summary>
internal static class CompositeText
{
    public const int MaxAlignment = 100;
    public const int MaxFormatLength = 24;
    public const int MaxNumberDigits = 2;

    /// <summary>What is wrong with a text's placeholders, or null when they keep the limits.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{')
            {
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                i++; // an escaped brace
                continue;
            }

            var end = text.IndexOf('}', i);
            if (end < 0)
            {
                return null; // malformed: string.Format says so when the text is used
            }

            var item = text.AsSpan(i + 1, end - i - 1);
            var colon = item.IndexOf(':');
            var head = colon < 0 ? item : item[..colon];
            var format = colon < 0 ? [] : item[(colon + 1)..];
            var comma = head.IndexOf(',');
            if (comma >= 0 && !(int.TryParse(head[(comma + 1)..].Trim(), out var alignment) && Math.Abs(alignment) <= MaxAlignment))
            {
                return $"the placeholder '{{{item}}}' pads to more than {MaxAlignment} characters";
            }

            if (format.Length > MaxFormatLength || LongestDigitRun(format) > MaxNumberDigits)
            {
                return $"the placeholder '{{{item}}}' has a format longer than {MaxFormatLength} characters or a number of more than {MaxNumberDigits} digits";
            }

            i = end;
        }

        return null;
    }

    private static int LongestDigitRun(ReadOnlySpan<char> format)
    {
        int longest = 0, run = 0;
        foreach (var c in format)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
