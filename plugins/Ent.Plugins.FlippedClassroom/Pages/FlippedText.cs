using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Localization;

namespace Ent.Plugins.FlippedClassroom.Pages;

/// <summary>How the pages say things, in the viewer's language.</summary>
internal sealed class FlippedText(ILocalizedStrings strings, IOrganisationDirectory directory)
{
    public string T(string language, string key, params object?[] arguments) => strings.Get("flipped", key, language, arguments);

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");

    public static int Percent(double value) => (int)Math.Round(value * 100);

    public string Name(PersonId person) => directory.ListNameOf(person);

    /// <summary>A day and time, as the viewer reads it: <c>mercredi 2 décembre à 22h00</c>.</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return language == "en" ? local.ToString("dddd d MMMM 'at' HH:mm", Culture(language)) : local.ToString("dddd d MMMM 'à' H'h'mm", Culture(language));
    }

    /// <summary>A day, as the viewer reads it: <c>jeudi 3 décembre</c>.</summary>
    public static string Day(DateOnly day, string language) => day.ToString("dddd d MMMM", Culture(language));

    /// <summary>A time of day: <c>10h00</c>, <c>10:00</c>.</summary>
    public static string Time(TimeOnly time, string language) => language == "en" ? time.ToString("HH:mm", CultureInfo.InvariantCulture) : time.ToString("H'h'mm", CultureInfo.InvariantCulture);

    /// <summary>Minutes, rounded.</summary>
    public static int Minutes(TimeSpan? spent) => spent is { } s ? (int)Math.Round(s.TotalMinutes) : 0;
}
