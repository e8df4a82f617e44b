using System.Globalization;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Hosting.AspNetCore.Admin;

/// <summary>The days a usage page covers: <c>from</c> and <c>to</c> in the query (yyyy-mm-dd), else the twelve weeks up to today.</summary>
internal sealed record UsageRange(DateOnly First, DateOnly Last, IReadOnlyList<string> Errors)
{
    public static UsageRange Of(PageContext context, ILocalizedStrings strings)
    {
        var errors = new List<string>();
        DateOnly Read(string key, DateOnly fallback)
        {
            if (!context.Query.TryGetValue(key, out var text) || text.Length == 0)
            {
                return fallback;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            errors.Add(strings.Get("ent", "admin.bad-date", context.Language, text));
            return fallback;
        }

        var last = Read("to", context.Today);
        var first = Read("from", last.AddDays(-83));
        if (last < first || last.DayNumber - first.DayNumber > 400)
        {
            errors.Add(strings.Get("ent", "admin.bad-range", context.Language, first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            (first, last) = (context.Today.AddDays(-83), context.Today);
        }

        return new UsageRange(first, last, errors);
    }

    public string Query => $"from={First:yyyy-MM-dd}&to={Last:yyyy-MM-dd}";
}
