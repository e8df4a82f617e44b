using System.Globalization;
using Ent.Core.Calendar;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;
using Ent.Sdk.Timetable;

namespace Ent.Hosting.AspNetCore.Admin;

/// <summary>The timetable file as posted, and the day of the school's first week A.</summary>
/// <param name="File">The timetable file (docs/timetable.md), one line per weekly slot.</param>
/// <param name="FirstWeekA">A day of the first week A (yyyy-mm-dd); the year's first Monday when empty.</param>
internal sealed record TimetableForm(PostedFile? File, string? FirstWeekA);

/// <summary>
/// The school's timetable for the current year: its slots, day by day, and the import of the school's timetable file (all or
/// nothing, every wrong line named by its number), by the school's staff or head.
/// </summary>
internal sealed class TimetablePage(ITimetables timetables, ISchoolCalendar calendar, IOrganisationDirectory directory, ILocalizedStrings strings) : EntPage<NoRouteValues, TimetableForm>
{
    public const string Route = "admin/timetable";

    public override Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        string T(string key, params object?[] arguments) => strings.Get("ent", key, language, arguments);
        if (SchoolOf(context) is not { } school)
        {
            // The department's administrator is in no school: the schools to choose from.
            var schools = directory.SchoolsOf(context.Actor.Department).OrderBy(s => s.Uai.Value, StringComparer.Ordinal)
                .Select(s => new { s.Name, Uai = s.Uai.Value, Href = context.Link($"{Route}?school={s.Uai.Value}") }).ToArray();
            return Task.FromResult(PageResult.View("ent/admin/timetable-schools", new { Schools = schools }, T("admin.timetable.title")));
        }

        if (calendar.YearOf(school.Id, context.Today) is not { } year)
        {
            return Task.FromResult(PageResult.NotFound());
        }

        var timetable = timetables.Of(school.Id, year.Id);
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
        string Audience(TimetableSlot slot) => directory.NameOf(slot.Audience) ?? "?";
        string Teacher(TimetableSlot slot) => directory.FindPerson(slot.Teacher) is { } p ? $"{p.GivenName} {p.FamilyName}" : "?";
        var model = new
        {
            School = school.Name,
            Year = year.Label,
            Count = timetable?.Slots.Length ?? 0,
            FirstWeekA = timetable?.FirstWeekA.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            Slots = (timetable?.Slots ?? []).OrderBy(s => s.Day).ThenBy(s => s.Start).ThenBy(Audience, StringComparer.CurrentCulture).Select(s => new
            {
                Day = culture.DateTimeFormat.GetDayName(s.Day),
                Time = $"{s.Start:HH\\:mm}–{s.End:HH\\:mm}",
                Audience = Audience(s),
                Subject = s.Subject.Name,
                Teacher = Teacher(s),
                s.Room,
                Weeks = s.Weeks == TeachingWeeks.Every ? string.Empty : s.Weeks == TeachingWeeks.WeekA ? T("admin.timetable.week-a") : T("admin.timetable.week-b"),
            }).ToArray(),
            Columns = string.Join(";", TimetableCsv.Columns),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return Task.FromResult(PageResult.View("ent/admin/timetable", model, T("admin.timetable.title")));
    }

    public override async Task<PageResult> PostAsync(PageContext context, NoRouteValues route, TimetableForm form, CancellationToken cancellationToken)
    {
        var language = context.Language;
        string T(string key, params object?[] arguments) => strings.Get("ent", key, language, arguments);
        if (SchoolOf(context) is not { } school || calendar.YearOf(school.Id, context.Today) is not { } year)
        {
            return PageResult.NotFound();
        }

        if (form.File is not { } file)
        {
            return PageResult.Invalid(new FormError("file", T("admin.timetable.no-file")));
        }

        var firstWeekA = SchoolTime.FirstMondayFrom(year.Dates.Begin);
        if (!string.IsNullOrWhiteSpace(form.FirstWeekA) && !DateOnly.TryParseExact(form.FirstWeekA, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstWeekA))
        {
            return PageResult.Invalid(new FormError("firstWeekA", T("admin.bad-date", form.FirstWeekA)));
        }

        IReadOnlyList<TimetableSlot> slots;
        try
        {
            using var reader = new StreamReader(new MemoryStream(file.Content), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            slots = TimetableCsv.Read(reader, school, year.Id, directory);
        }
        catch (TimetableCsvException exception)
        {
            return PageResult.Invalid([.. exception.Errors.Take(50).Select(e => new FormError("file", T("admin.timetable.line", e.Line, e.Message)))]);
        }

        await timetables.ImportAsync(context.Actor, year.Id, new SchoolTimetable(school.Id, firstWeekA, [.. slots], []), cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(context.School is null ? $"{Route}?school={school.Uai.Value}" : Route);
    }

    /// <summary>The viewer's school, or for a viewer in none (the department's administrator) the school of the department chosen by its UAI (<c>?school=</c>).</summary>
    private School? SchoolOf(PageContext context) =>
        context.School
        ?? (context.Query.TryGetValue("school", out var uai) && Uai.TryParse(uai, out var parsed) && directory.FindSchool(parsed) is { } found && found.Department == context.Actor.Department ? found : null);
}
