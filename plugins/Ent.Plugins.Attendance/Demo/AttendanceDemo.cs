using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.RollCalls;
using Ent.Sdk.Demo;
using Ent.Sdk.Localization;

namespace Ent.Plugins.Attendance.Demo;

/// <summary>
/// The attendance plugin's demonstration: the roll call of every session of the demo class from the start of the school year
/// up to now, taken by its teacher; the first pupil ill for two days (declared by her parent, accepted by the vie scolaire),
/// late twice and absent once without a reason; the second absent four half-days of one month without a reason, which raises
/// the alert of article L131-8 and its letter to the family. The roll calls are taken once: a class whose first session has
/// one is left as it is.
/// </summary>
internal sealed class AttendanceDemo(IRollCalls rollCalls, IAbsenceDeclarations declarations, IAttendanceAlerts alerts, ITimetables timetables, ISchoolCalendar calendar,
    IOrganisationDirectory directory, ILocalizedStrings strings, TimeProvider time, AttendanceNames names) : IDemoContributor
{
    /// <inheritdoc />
    public async Task<DemoContribution> ContributeAsync(DemoContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var school = context.School.Id;
        var year = calendar.YearOf(school, context.Period.First);
        var now = names.Local(time.GetUtcNow());
        var today = DateOnly.FromDateTime(now);
        if (year is null)
        {
            return new DemoContribution(strings.Get("attendance", "demo.none", context.Language), []);
        }

        var sessions = timetables.SessionsBetween(school, year.Dates.Begin, today)
            .Where(s => s.Audience.Class == context.Class.Id && s.Teacher == context.Teacher.Id && (s.Date < today || s.Start <= TimeOnly.FromDateTime(now)))
            .ToList();
        if (sessions.Count == 0)
        {
            return new DemoContribution(strings.Get("attendance", "demo.none", context.Language), []);
        }

        var teacher = context.TeacherActor;
        var taken = 0;
        var first = await rollCalls.SheetAsync(teacher, school, sessions[0].Date, sessions[0].Id, cancellationToken).ConfigureAwait(false);
        if (first.Taken is null)
        {
            taken = await TakeAsync(context, sessions, cancellationToken).ConfigureAwait(false);
        }

        var documents = new List<DemoDocument>();
        if (Staff(school) is { } staff)
        {
            foreach (var alert in await alerts.OfSchoolAsync(staff, school, includeClosed: true, cancellationToken).ConfigureAwait(false))
            {
                var letter = await alerts.LetterAsync(staff, alert.Key, context.Language, cancellationToken).ConfigureAwait(false);
                documents.Add(new DemoDocument($"courrier-l131-8-{Slug(alert.Name)}-{alert.Key.Month}.html", letter));
            }
        }

        var summary = taken > 0
            ? strings.Get("attendance", "demo.recorded", context.Language, taken, context.Class.Name, sessions[0].Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), documents.Count)
            : strings.Get("attendance", "demo.already", context.Language, context.Class.Name, documents.Count);
        return new DemoContribution(summary, documents);
    }

    private async Task<int> TakeAsync(DemoContext context, List<Session> sessions, CancellationToken cancellationToken)
    {
        var school = context.School.Id;
        var teacher = context.TeacherActor;
        var pupils = context.Learners;
        var staff = Staff(school);
        var parent = pupils.Count > 0 ? directory.GuardiansOf(pupils[0].Id).Select(directory.FindPerson).OfType<Person>().FirstOrDefault() : null;

        // The first pupil is ill on the two days of the fifth and sixth sessions: her parent says so, the vie scolaire accepts it.
        if (pupils.Count > 0 && parent is not null && staff is not null && sessions.Count > 6)
        {
            var declared = await declarations.DeclareAsync(new Actor(parent.Id, parent.Department),
                new DeclarationDraft(pupils[0].Id, sessions[4].Date, TimeOnly.MinValue, sessions[5].Date, new TimeOnly(23, 59), "maladie", "Grippe, fièvre"), cancellationToken).ConfigureAwait(false);
            await declarations.ReviewAsync(staff, pupils[0].Id, declared.Id, DeclarationState.Accepted, note: null, cancellationToken).ConfigureAwait(false);
        }

        // The second pupil misses four sessions on four days of one month, without a reason: the alert of article L131-8.
        var month = sessions.GroupBy(s => (s.Date.Year, s.Date.Month)).Where(g => g.Select(s => s.Date).Distinct().Count() >= 4).Skip(1).FirstOrDefault()
            ?? sessions.GroupBy(s => (s.Date.Year, s.Date.Month)).First();
        var truant = month.GroupBy(s => s.Date).Take(4).Select(g => g.First().Id).ToHashSet();
        var taken = 0;
        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            var sheet = await rollCalls.SheetAsync(teacher, school, session.Date, session.Id, cancellationToken).ConfigureAwait(false);
            var marks = sheet.Lines.Where(l => l.Mark.Status != "present").Select(l => l.Mark).ToList(); // what the school knew in advance
            if (pupils.Count > 0 && (i == 2 || i == sessions.Count - 2))
            {
                marks.Add(new PupilAttendance(pupils[0].Id, "late", LateMinutes: 10));
            }

            if (pupils.Count > 0 && i == sessions.Count - 1)
            {
                marks.Add(new PupilAttendance(pupils[0].Id, "absent"));
            }

            if (pupils.Count > 1 && truant.Contains(session.Id))
            {
                marks.Add(new PupilAttendance(pupils[1].Id, "absent"));
            }

            await rollCalls.SaveAsync(teacher, new RollCallSubmission(school, session.Date, session.Id, [.. marks.DistinctBy(m => m.Pupil)]), cancellationToken).ConfigureAwait(false);
            taken++;
        }

        return taken;
    }

    /// <summary>The most school days whose roll calls are taken (the last ones before today): two weeks, for a department of 3,000 classes.</summary>
    public const int GeneratedDays = 10;

    /// <summary>
    /// A generated school's roll calls: every session of its timetable on the last <see cref="GeneratedDays"/> school days before
    /// today that fall in this period's part, taken by the session's teacher at its start; each pupil misses sessions at
    /// their own rate (most of them rarely, one in ten often), now and then late; a school whose first such session has its roll
    /// call is left as it is. The half-days, the alerts and the indicator follow from them.
    /// </summary>
    public async Task ContributeAsync(GeneratedSchool school, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(school);
        // The last school days before today (the same for every period), those of this period's part.
        var today = calendar.Today;
        var recent = SchoolTime.SchoolDaysBetween(calendar, school.School.Id, today.AddDays(-7 * GeneratedDays), today.AddDays(-1)).TakeLast(GeneratedDays).ToArray();
        var days = recent.Where(d => d >= school.From && d <= school.Until).ToArray();
        if (days.Length == 0)
        {
            return;
        }

        var first = days[0];
        var classes = school.Classes.ToDictionary(c => c.Class.Id);
        var sessions = timetables.SessionsBetween(school.School.Id, first, days[^1]).Where(s => s.Audience.Class is { } c && classes.ContainsKey(c)).ToList();
        if (sessions.Count == 0)
        {
            return;
        }

        var opening = await rollCalls.SheetAsync(new Actor(sessions[0].Teacher, school.School.Department), school.School.Id, sessions[0].Date, sessions[0].Id, cancellationToken).ConfigureAwait(false);
        if (opening.Taken is not null)
        {
            return; // taken by an earlier run
        }

        var random = new Random(school.Seed ^ 0x5eed);
        var rates = classes.Values.SelectMany(c => c.Pupils).ToDictionary(p => p.Id, p => Rate(p.Id));
        foreach (var session in sessions)
        {
            var pupils = classes[session.Audience.Class!.Value].Pupils;
            var marks = new List<PupilAttendance>();
            foreach (var pupil in pupils)
            {
                var draw = random.NextDouble();
                if (draw < rates[pupil.Id])
                {
                    marks.Add(new PupilAttendance(pupil.Id, "absent"));
                }
                else if (draw < rates[pupil.Id] + 0.01)
                {
                    marks.Add(new PupilAttendance(pupil.Id, "late", LateMinutes: 5 + random.Next(15)));
                }
            }

            using (school.At(session.Date, session.Start.AddMinutes(5)))
            {
                await rollCalls.SaveAsync(new Actor(session.Teacher, school.School.Department), new RollCallSubmission(school.School.Id, session.Date, session.Id, marks), cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>A pupil's own rate of missed sessions, from their id: most rarely (1 to 3 %), one in ten often (8 to 20 %).</summary>
    private static double Rate(Ent.Core.Identifiers.PersonId pupil)
    {
        var bits = BitConverter.ToUInt16(pupil.Value.ToByteArray(), 2);
        return bits % 10 == 0 ? 0.08 + (0.12 * (bits / (double)ushort.MaxValue)) : 0.01 + (0.02 * (bits / (double)ushort.MaxValue));
    }

    /// <summary>A member of the school's staff (the vie scolaire), as the demonstration's CPE.</summary>
    private Actor? Staff(Ent.Core.Identifiers.SchoolId school)
    {
        var today = calendar.Today;
        return directory.RolesIn(school).Where(r => r.Role == Role.SchoolStaff && r.Validity.Contains(today)).Select(r => new Actor(r.Person, directory.SchoolOf(school).Department)).FirstOrDefault();
    }

    private static string Slug(string text) => string.Concat(text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
        .Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
