using System.Globalization;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.Statuses;
using Ent.Sdk.Localization;

namespace Ent.Plugins.Attendance.Pages;

/// <summary>How the pages say things: statuses, reasons, standings and times, in the viewer's language.</summary>
internal sealed class AttendanceText(ILocalizedStrings strings, AttendanceRules rules, AttendanceNames names)
{
    public string T(string language, string key, params object?[] arguments) => strings.Get("attendance", key, language, arguments);

    /// <summary>An instant in the department's time zone.</summary>
    public DateTime Local(DateTimeOffset instant) => names.Local(instant);

    /// <summary>The time now in the department's time zone.</summary>
    public TimeOnly Now(TimeProvider time) => TimeOnly.FromDateTime(Local(time.GetUtcNow()));

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");

    public string Status(string code, string language) =>
        rules.Statuses.FirstOrDefault(s => s.Code == code)?.Label.For(Culture(language)) ?? code;

    public string Reason(string? code, string language) =>
        code is null ? T(language, "pages.no-reason") : rules.FindReason(code)?.Label.For(Culture(language)) ?? code;

    public string Kind(AttendanceEffect kind, string language) => T(language, $"kind.{kind.ToString().ToLowerInvariant()}");

    public string State(Justification state, string language) => T(language, $"state.{state.ToString().ToLowerInvariant()}");

    public string Declaration(DeclarationState state, string language) => T(language, $"declaration.{state.ToString().ToLowerInvariant()}");

    public string Alert(AlertState state, string language) => T(language, $"alert.{state.ToString().ToLowerInvariant()}");

    public string AlertKindOf(AlertKind kind, string language) => T(language, $"alert-kind.{kind.ToString().ToLowerInvariant()}");

    public static string Day(DateOnly day, string language) => day.ToString("dddd d MMMM yyyy", Culture(language));

    public static string ShortDay(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Month(int month, string language) => HalfDays.FirstDayOf(month).ToString("MMMM yyyy", Culture(language));

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day asked for in the query (<c>?day=yyyy-mm-dd</c>), else today; null when it does not read as a day.</summary>
    public static DateOnly? DayOf(Ent.Sdk.Pages.PageContext context) =>
        context.Query.TryGetValue("day", out var text) && !string.IsNullOrWhiteSpace(text)
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null
            : context.Today;
}
