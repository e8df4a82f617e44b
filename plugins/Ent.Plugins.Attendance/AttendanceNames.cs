using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.FollowUp;
using Ent.Sdk.Operations;

namespace Ent.Plugins.Attendance;

/// <summary>What the services show of the directory: people's and classes' names, and the unit of work on a pupil (their class, them as its subject).</summary>
internal sealed class AttendanceNames(IOrganisationDirectory directory, ISchoolCalendar calendar)
{
    /// <summary>An instant in the department's time zone (a roll call's time, "now" for the day's sessions).</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime;

    /// <summary>A person's name as lists sort it: family name, then given name (their id when they are not in the directory).</summary>
    public string NameOf(PersonId person) => directory.ListNameOf(person);

    /// <summary>A person's name as a sentence says it: given name, then family name.</summary>
    public string FullName(PersonId person) => directory.FullNameOf(person);

    public string? ClassName(ClassId? @class) => @class is { } id ? directory.FindClass(id)?.Name : null;

    public PupilAbsence ToAbsence(AbsenceDocument a) => new(a.Pupil, NameOf(a.Pupil), ClassName(a.Class), a.Date, a.Start, a.End, a.Kind, a.Minutes, a.Reason, a.State);

    public Alert ToAlert(AlertDocument a) => new(new AlertKey(a.School, a.Pupil, a.Month, a.Kind), NameOf(a.Pupil), ClassName(directory.ClassOn(a.Pupil, HalfDays.FirstDayOf(a.Month))
        ?? directory.ClassOn(a.Pupil, HalfDays.FirstDayOf(a.Month).AddMonths(1).AddDays(-1))), a.Count, a.Threshold, a.RaisedAt, a.State, a.LetterSentAt, a.LetterSentBy, a.LetterChannel, a.Note);

    /// <summary>Begins a unit of work on a pupil: on their class today (or their latest), with them as its subject, so that a parent's or a pupil's own rights apply.</summary>
    /// <exception cref="UnknownReferenceException">The pupil is in no class.</exception>
    public Task<IUnitOfWork> BeginOnPupilAsync(IOperations operations, Actor actor, PersonId pupil, Capability capability, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var @class = directory.EnrolmentsOf(pupil).Where(e => e.Class is not null)
            .OrderByDescending(e => e.Validity.Contains(today)).ThenByDescending(e => e.Validity.Begin).Select(e => e.Class).FirstOrDefault()
            ?? throw new UnknownReferenceException("pupil", pupil.Value);
        return operations.BeginAsync(actor, OperationTarget.OfClass(@class, pupil), capability, cancellationToken);
    }
}
