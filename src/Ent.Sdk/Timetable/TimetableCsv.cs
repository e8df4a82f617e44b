using System.Globalization;
using CsvHelper;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;

namespace Ent.Sdk.Timetable;

/// <summary>
/// Reads a school's timetable from the documented file (docs/timetable.md): one line per weekly slot, separated by
/// semicolons, with the header <c>classe;groupe;matiere;libelle;enseignant;salle;jour;debut;fin;semaine;du;au</c>.
/// Classes and groups are named as in the directory for the year, teachers by their external id (the ENT account's, as the
/// directory import gives it). All or nothing: a file with any wrong line gives no slot, and every wrong line is named.
/// A slot's id derives from the school and what makes the slot (class or group, subject, weekday, start, weeks), so that the
/// same file imported again gives the same slots, and their sessions keep their ids (and what is kept under them).
/// </summary>
public static class TimetableCsv
{
    /// <summary>The header line, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["classe", "groupe", "matiere", "libelle", "enseignant", "salle", "jour", "debut", "fin", "semaine", "du", "au"];

    /// <summary>The most lines a file may have (a collège has a few hundred slots).</summary>
    public const int MaxLines = 10_000;

    private static readonly string[] Days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    /// <summary>Reads the slots of a school's timetable.</summary>
    /// <param name="csv">The file.</param>
    /// <param name="school">The school.</param>
    /// <param name="year">The academic year whose classes and groups the file names.</param>
    /// <param name="directory">The directory, to find the classes, groups and teachers.</param>
    /// <returns>The slots, in file order.</returns>
    /// <exception cref="TimetableCsvException">A line is wrong (or the header is not the documented one); nothing is read.</exception>
    public static IReadOnlyList<TimetableSlot> Read(TextReader csv, School school, AcademicYearId year, IOrganisationDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(school);
        ArgumentNullException.ThrowIfNull(directory);
        var classes = directory.ClassesOf(school.Id).Where(c => c.Year == year).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var groups = directory.GroupsOf(school.Id).Where(g => g.Year == year).ToDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);
        var errors = new List<TimetableCsvError>();
        var slots = new List<TimetableSlot>();
        var seen = new Dictionary<TimetableSlotId, int>();
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { Separator = ';', HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true, SkipEmptyLines = true }, leaveOpen: true);
        bool more;
        try
        {
            more = reader.Read(); // the header, then the first line
        }
        catch (CsvFormatException exception)
        {
            throw new TimetableCsvException([new TimetableCsvError(1, exception.Message)]);
        }

        if (reader.Headers is not { } names || !names.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Columns))
        {
            throw new TimetableCsvException([new TimetableCsvError(1, $"the header is not '{string.Join(";", Columns)}'.")]);
        }

        for (; more; more = Next(reader, errors))
        {
            var line = (int)reader.LineNumber;
            if (line > MaxLines)
            {
                errors.Add(new TimetableCsvError(line, $"the file has more than {MaxLines} lines."));
                break;
            }

            if (reader.FieldCount != Columns.Count)
            {
                errors.Add(new TimetableCsvError(line, $"{reader.FieldCount} columns instead of {Columns.Count}."));
                continue;
            }

            var problems = new List<string>();
            string Field(int index) => reader.GetString(index)?.Trim() ?? string.Empty;
            var className = Field(0);
            var groupName = Field(1);
            CourseAudience? audience = null;
            if (className.Length > 0 == groupName.Length > 0)
            {
                problems.Add($"give a class or a group (classe '{className}', groupe '{groupName}').");
            }
            else if (className.Length > 0)
            {
                audience = classes.TryGetValue(className, out var @class) ? CourseAudience.ForClass(@class.Id) : Problem(problems, $"classe '{className}' is not a class of {school.Name} that year.");
            }
            else
            {
                audience = groups.TryGetValue(groupName, out var group) ? CourseAudience.ForGroup(group.Id) : Problem(problems, $"groupe '{groupName}' is not a group of {school.Name} that year.");
            }

            var code = Field(2);
            var label = Field(3);
            if (code.Length is 0 or > 20 || label.Length is 0 or > 200)
            {
                problems.Add($"matiere (a code of 1 to 20 characters) and libelle (1 to 200) are needed: '{code}', '{label}'.");
            }

            var teacherId = Field(4);
            var teacher = teacherId.Length == 0 ? null : directory.FindPersonByExternalId(school.Department, teacherId);
            if (teacher is null)
            {
                problems.Add($"enseignant '{teacherId}' is no one's external id in the department.");
            }
            else if (!directory.RolesOf(teacher.Id).Any(r => r.Role == Role.Teacher && r.Scope.School == school.Id))
            {
                problems.Add($"enseignant '{teacherId}' ({teacher.DisplayName}) does not teach at {school.Name}.");
            }

            var dayText = Field(6);
            var day = Array.FindIndex(Days, d => string.Equals(d, dayText, StringComparison.OrdinalIgnoreCase));
            if (day <= 0)
            {
                problems.Add($"jour '{dayText}' is not lundi, mardi, mercredi, jeudi, vendredi or samedi.");
            }

            var start = Time(problems, "debut", Field(7));
            var end = Time(problems, "fin", Field(8));
            var weeks = Field(9).ToUpperInvariant() switch
            {
                "" => TeachingWeeks.Every,
                "A" => TeachingWeeks.WeekA,
                "B" => TeachingWeeks.WeekB,
                var other => Problem<TeachingWeeks>(problems, $"semaine '{other}' is not empty (every week), A or B."),
            };
            var from = Day(problems, "du", Field(10), required: true);
            var until = Day(problems, "au", Field(11), required: false);
            if (problems.Count == 0)
            {
                try
                {
                    var id = SlotId(school.Id, audience!.Value, code, (DayOfWeek)day, start!.Value, weeks);
                    if (seen.TryGetValue(id, out var first))
                    {
                        problems.Add($"the same slot (class or group, subject, day, start and weeks) as line {first}.");
                    }
                    else
                    {
                        slots.Add(new TimetableSlot(id, school.Id, audience.Value, new Subject(code, label), teacher!.Id, Field(5), (DayOfWeek)day, start.Value, end!.Value, weeks,
                            new DateRange(from!.Value, until)));
                        seen[id] = line;
                    }
                }
                catch (ArgumentException exception)
                {
                    problems.Add(exception.Message);
                }
            }

            errors.AddRange(problems.Select(p => new TimetableCsvError(line, p)));
        }

        return errors.Count > 0 ? throw new TimetableCsvException(errors) : slots;
    }

    /// <summary>Reads the next line; a line the CSV reader cannot read ends the file, named.</summary>
    private static bool Next(CsvReader reader, List<TimetableCsvError> errors)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException exception)
        {
            errors.Add(new TimetableCsvError((int)reader.LineNumber + 1, exception.Message));
            return false;
        }
    }

    /// <summary>A slot's id from the school and what makes the slot: the same line imported again gives the same id.</summary>
    private static TimetableSlotId SlotId(SchoolId school, CourseAudience audience, string subject, DayOfWeek day, TimeOnly start, TeachingWeeks weeks)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"timetable-slot/{school.Value:N}/{audience.Class?.Value:N}/{audience.Group?.Value:N}/{subject.ToUpperInvariant()}/{(int)day}/{start:HH\\:mm}/{weeks}");
        return new TimetableSlotId(NameBasedId.Of(name));
    }

    private static TimeOnly? Time(List<string> problems, string column, string text) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "H'h'mm", "HH'h'mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : Problem<TimeOnly?>(problems, $"{column} '{text}' is not a time such as 08:30.");

    private static DateOnly? Day(List<string> problems, string column, string text, bool required)
    {
        if (text.Length == 0)
        {
            return required ? Problem<DateOnly?>(problems, $"{column} is needed (a date such as 2026-09-01).") : null;
        }

        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : Problem<DateOnly?>(problems, $"{column} '{text}' is not a date such as 2026-09-01 or 01/09/2026.");
    }

    private static CourseAudience? Problem(List<string> problems, string message) => Problem<CourseAudience?>(problems, message);

    private static T Problem<T>(List<string> problems, string message)
    {
        problems.Add(message);
        return default!;
    }
}
