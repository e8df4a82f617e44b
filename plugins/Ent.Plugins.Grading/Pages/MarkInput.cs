using System.Globalization;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Pages;

/// <summary>Marks as teachers type them in a gradebook (<c>12,5</c>, <c>Abs</c>, <c>Disp</c>…) and as pages show them.</summary>
internal static class MarkInput
{
    /// <summary>How French pages write numbers (a decimal comma), looked up once: every mark of every sheet is written with it.</summary>
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly (string Text, MarkCode Code)[] Codes =
    [
        ("Abs*", MarkCode.AbsentUnjustified), ("Abs", MarkCode.Absent), ("Disp", MarkCode.Exempt), ("NN", MarkCode.NotGraded),
        ("Inapte", MarkCode.Unfit), ("N.Rdu", MarkCode.NotHandedIn), ("Z", MarkCode.NotHandedInCounted),
    ];

    /// <summary>The codes a teacher may type, as the page lists them.</summary>
    public static IReadOnlyList<string> CodeTexts { get; } = [.. Codes.Select(c => c.Text)];

    /// <summary>Reads a typed mark: empty (no mark), a number of points up to the scale (comma or point), or a code.</summary>
    /// <returns>True with the mark (null: none), or false.</returns>
    public static bool TryParse(string? text, int scale, out Mark? mark)
    {
        mark = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return true;
        }

        foreach (var (code, meaning) in Codes)
        {
            if (string.Equals(value, code, StringComparison.OrdinalIgnoreCase))
            {
                mark = Mark.Coded(meaning);
                return true;
            }
        }

        if (decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points) && points <= scale)
        {
            try
            {
                mark = Mark.Of(points, scale);
                return true;
            }
            catch (ArgumentException)
            {
                return false; // more decimals than a mark keeps
            }
        }

        return false;
    }

    /// <summary>A mark as a page shows it, in the reader's language (<c>12,5</c> in French).</summary>
    public static string Show(Mark? mark, string language)
    {
        if (mark is not { } value)
        {
            return string.Empty;
        }

        if (value.Code is { } code)
        {
            return Codes.First(c => c.Code == code).Text;
        }

        return value.Points!.Value.ToString("0.##", NumbersOf(language));
    }

    /// <summary>A day as French school documents write it: <c>21/12/2026</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A number as a page shows it (two decimals), or a dash.</summary>
    public static string Number(decimal? value, string language) =>
        value is { } v ? v.ToString("0.00", NumbersOf(language)) : "—";

    /// <summary>How numbers are written in a language: with a decimal point in English, a decimal comma otherwise.</summary>
    private static CultureInfo NumbersOf(string language) => language == "en" ? CultureInfo.InvariantCulture : French;
}
