using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.RollCalls;
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
