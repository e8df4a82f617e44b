using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Plugins.Attendance.RollCalls;

/// <summary>A session's roll call: who counted (the pupils of the class or group that day), who was not present, who took it and changed it last.</summary>
internal sealed record RollCallDocument(
    SchoolId School, DateOnly Date, SessionId Session, TimetableSlotId Slot, TimeOnly Start, TimeOnly End, ClassId? Class, GroupId? Group, string Subject, PersonId Teacher,
    ImmutableArray<PersonId> Roster, ImmutableArray<RollCallEntry> Entries, PersonId TakenBy, DateTimeOffset TakenAt, int Revision, PersonId ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A pupil who was not simply present: their status, the minutes late, the time they left.</summary>
internal readonly record struct RollCallEntry(PersonId Pupil, string Status, int LateMinutes, TimeOnly? LeftAt);

/// <summary>One pupil's status changed in a roll call after it was first taken: who, when, why, and the revision it made.</summary>
internal sealed record RollCallCorrectionDocument(SessionId Session, Guid Id, PersonId Pupil, string Before, string After, PersonId Actor, DateTimeOffset At, string? Why, int Revision);
