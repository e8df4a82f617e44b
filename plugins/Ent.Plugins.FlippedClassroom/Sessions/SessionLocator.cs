using Ent.Core.Identifiers;
using Ent.Core.Timetable;

namespace Ent.Plugins.FlippedClassroom.Sessions;

/// <summary>
/// Finds a flipped session's timetable session as it is taught now: on the day its slot gives it, or, when the school moved it, within
/// a month either way (a session's id does not change when it moves). Not found: cancelled, or no longer in the timetable.
/// </summary>
internal sealed class SessionLocator(ITimetables timetables)
{
    /// <summary>How far from the day it was scheduled a moved session is looked for.</summary>
    public const int MoveWindowDays = 31;

    public Session? Find(SchoolId school, SessionId session, DateOnly scheduledOn) =>
        timetables.Find(school, scheduledOn, session)
            ?? timetables.SessionsBetween(school, scheduledOn.AddDays(-MoveWindowDays), scheduledOn.AddDays(MoveWindowDays)).FirstOrDefault(s => s.Id == session);

    internal Session? Find(FlippedSessionDocument flipped) => Find(flipped.School, flipped.Session, flipped.ScheduledOn);
}
