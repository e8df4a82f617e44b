using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Sdk.Plugins;

namespace Ent.Plugins.Attendance;

/// <summary>The attendance plugin's documents, their keys and the indexes its reads use.</summary>
internal static class AttendanceDocuments
{
    /// <summary>The most pupils a roll call holds (a group of up to 200).</summary>
    public const int MaxRoster = 200;

    /// <summary>The longest "why" of a correction or note, in characters.</summary>
    public const int MaxNoteLength = 500;

    public static PluginServiceContext AddAttendanceDocuments(this PluginServiceContext context) => context
        // A school's day: its roll calls, read by (school, date); a session's by its key.
        .AddDocuments<RollCallDocument>("roll-calls", d => d.Key(r => new { r.School, r.Date, r.Session }))
        .AddDocuments<RollCallCorrectionDocument>("roll-call-corrections", d => d.Key(c => new { c.Session, c.Id }).Index(c => c.Pupil))
        // A pupil's month of absences and lateness (the half-days are counted from it), a class's period (report cards), a school's day (the CPE's follow-up).
        .AddDocuments<AbsenceDocument>("absences", d => d.Key(a => new { a.Pupil, a.Month, a.Id }).Index(a => new { a.Class, a.Period }).Index(a => new { a.School, a.Date }))
        .AddDocuments<PupilMonthDocument>("pupil-months", d => d.Key(m => new { m.Pupil, m.Month }).Index(m => new { m.School, m.Month }))
        // A school's month: how many pupils reached the national threshold (the DEPP's absenteeism indicator).
        .AddDocuments<SchoolMonthDocument>("school-months", d => d.Key(m => new { m.School, m.Month }))
        .AddDocuments<DeclarationDocument>("declarations", d => d.Key(x => new { x.Pupil, x.Id }).Index(x => new { x.School, x.State }))
        .AddDocuments<ProofDocument>("proofs", d => d.Key(p => new { p.Pupil, p.Declaration }))
        // Each day a declaration covers, so that a roll call finds the day's known absences in one read.
        .AddDocuments<KnownAbsenceDocument>("known-absences", d => d.Key(k => new { k.School, k.Date, k.Pupil, k.Declaration }))
        .AddDocuments<AlertDocument>("alerts", d => d.Key(a => new { a.School, a.Month, a.Pupil, a.Kind }).Index(a => new { a.School, a.State }))
        .AddDocuments<SchoolSettingsDocument>("school-settings", d => d.Key(s => s.School));
}

/// <summary>A session's roll call: who counted (the pupils of the class or group that day), who was not present, who took it and changed it last.</summary>
internal sealed record RollCallDocument(
    SchoolId School, DateOnly Date, SessionId Session, TimetableSlotId Slot, TimeOnly Start, TimeOnly End, ClassId? Class, GroupId? Group, string Subject, PersonId Teacher,
    ImmutableArray<PersonId> Roster, ImmutableArray<RollCallEntry> Entries, PersonId TakenBy, DateTimeOffset TakenAt, int Revision, PersonId ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A pupil who was not simply present: their status, the minutes late, the time they left.</summary>
internal readonly record struct RollCallEntry(PersonId Pupil, string Status, int LateMinutes, TimeOnly? LeftAt);

/// <summary>One pupil's status changed in a roll call after it was first taken: who, when, why, and the revision it made.</summary>
internal sealed record RollCallCorrectionDocument(SessionId Session, Guid Id, PersonId Pupil, string Before, string After, PersonId Actor, DateTimeOffset At, string? Why, int Revision);

/// <summary>A school's own thresholds, set by its head or staff.</summary>
internal sealed record SchoolSettingsDocument(SchoolId School, int AbsenceThreshold, int LatenessThreshold, PersonId SetBy, DateTimeOffset SetAt);
