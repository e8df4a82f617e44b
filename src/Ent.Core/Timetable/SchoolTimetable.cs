using System.Collections.Immutable;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;

namespace Ent.Core.Timetable;

/// <summary>
/// A school's timetable: its weekly slots, the one-off changes to their sessions, and its first week A. The sessions it gives
/// follow the school's calendar: only on its school days (never in its holidays), week A and week B alternating over the weeks
/// it teaches (a holiday week does not count: the week after the holidays follows the week before them).
/// </summary>
public sealed class SchoolTimetable
{
    /// <summary>Creates a timetable.</summary>
    /// <param name="school">The school.</param>
    /// <param name="firstWeekA">A day of the school's first week A (usually the first week of the year).</param>
    /// <param name="slots">The weekly slots, all of the school.</param>
    /// <param name="changes">The one-off changes, each to a session of one of the slots, at most one per session.</param>
    /// <exception cref="ArgumentException">A slot of another school or twice, a change to an unknown slot, or two changes to one session; the message names it.</exception>
    public SchoolTimetable(SchoolId school, DateOnly firstWeekA, ImmutableArray<TimetableSlot> slots, ImmutableArray<SessionChange> changes)
    {
        var byId = new Dictionary<TimetableSlotId, TimetableSlot>();
        foreach (var slot in slots)
        {
            if (slot.School != school)
            {
                throw new ArgumentException($"The slot {slot.Id.Value} is another school's.", nameof(slots));
            }

            if (!byId.TryAdd(slot.Id, slot))
            {
                throw new ArgumentException($"The slot {slot.Id.Value} is in the timetable twice.", nameof(slots));
            }
        }

        var bySession = new Dictionary<SessionId, SessionChange>();
        foreach (var change in changes)
        {
            if (!byId.TryGetValue(change.Slot, out var changed))
            {
                throw new ArgumentException($"A change of {change.ScheduledOn:yyyy-MM-dd} is to the slot {change.Slot.Value}, which is not in the timetable.", nameof(changes));
            }

            if ((change.End ?? changed.End) <= (change.Start ?? changed.Start))
            {
                throw new ArgumentException($"The session of {change.ScheduledOn:yyyy-MM-dd} would end ({change.End ?? changed.End:HH\\:mm}) before it starts ({change.Start ?? changed.Start:HH\\:mm}).", nameof(changes));
            }

            if (!bySession.TryAdd(SessionId.Of(change.Slot, change.ScheduledOn), change))
            {
                throw new ArgumentException($"The session of {change.ScheduledOn:yyyy-MM-dd} of the slot {change.Slot.Value} has two changes: make them one.", nameof(changes));
            }
        }

        (School, FirstWeekA, Slots, Changes) = (school, firstWeekA, slots, changes);
        _slots = byId;
        _changes = bySession;
    }

    private readonly Dictionary<TimetableSlotId, TimetableSlot> _slots;
    private readonly Dictionary<SessionId, SessionChange> _changes;

    /// <summary>The school.</summary>
    public SchoolId School { get; }

    /// <summary>A day of the school's first week A.</summary>
    public DateOnly FirstWeekA { get; }

    /// <summary>The weekly slots.</summary>
    public ImmutableArray<TimetableSlot> Slots { get; }

    /// <summary>The one-off changes.</summary>
    public ImmutableArray<SessionChange> Changes { get; }

    /// <summary>Whether a day's week is week A or week B at the school (<see cref="TeachingWeeks.WeekA"/> or <see cref="TeachingWeeks.WeekB"/>).</summary>
    /// <param name="calendar">The department's calendar.</param>
    /// <param name="day">The day.</param>
    public TeachingWeeks WeekOf(ISchoolCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var reference = SchoolTime.MondayOf(FirstWeekA);
        var target = SchoolTime.MondayOf(day);
        var taught = 0; // teaching weeks after the reference up to the target (or from the target up to before it)
        if (target > reference)
        {
            for (var monday = reference.AddDays(7); monday <= target; monday = monday.AddDays(7))
            {
                taught += Teaches(calendar, monday) ? 1 : 0;
            }
        }
        else
        {
            for (var monday = target; monday < reference; monday = monday.AddDays(7))
            {
                taught += Teaches(calendar, monday) ? 1 : 0;
            }
        }

        return taught % 2 == 0 ? TeachingWeeks.WeekA : TeachingWeeks.WeekB;
    }

    /// <summary>The sessions taught from one day to another, in order of day and time; a session moved into the days is there, one moved out is not.</summary>
    /// <param name="calendar">The department's calendar.</param>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day.</param>
    public IReadOnlyList<Session> SessionsBetween(ISchoolCalendar calendar, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var sessions = new List<Session>();
        var weeks = new Dictionary<DateOnly, TeachingWeeks>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var slot in Slots)
            {
                if (Gives(calendar, slot, day, weeks) && Taught(slot, day) is { } session && session.Date >= first && session.Date <= last)
                {
                    sessions.Add(session);
                }
            }
        }

        foreach (var change in Changes)
        {
            // A session moved here from a day outside the range.
            if (change.MovedTo is { } to && to >= first && to <= last && (change.ScheduledOn < first || change.ScheduledOn > last)
                && _slots[change.Slot] is var slot && Gives(calendar, slot, change.ScheduledOn, weeks) && Taught(slot, change.ScheduledOn) is { } session)
            {
                sessions.Add(session);
            }
        }

        sessions.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Id.Value.CompareTo(b.Id.Value));
        return sessions;
    }

    /// <summary>Whether a slot of the timetable gives a session on a day, before any change: the slot's weekday and week, in its validity, on a school day.</summary>
    /// <param name="calendar">The department's calendar.</param>
    /// <param name="slot">The slot.</param>
    /// <param name="day">The day.</param>
    /// <returns>False as well for a slot not in the timetable.</returns>
    public bool Schedules(ISchoolCalendar calendar, TimetableSlotId slot, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return _slots.TryGetValue(slot, out var found) && Gives(calendar, found, day, []);
    }

    /// <summary>The timetable with other changes (the slots and the first week A kept).</summary>
    /// <param name="changes">The changes.</param>
    /// <exception cref="ArgumentException">A change is to an unknown slot, or two are to one session.</exception>
    public SchoolTimetable WithChanges(ImmutableArray<SessionChange> changes) => new(School, FirstWeekA, Slots, changes);

    /// <summary>The slot of that id, or null.</summary>
    /// <param name="slot">The slot's id.</param>
    public TimetableSlot? Slot(TimetableSlotId slot) => _slots.GetValueOrDefault(slot);

    /// <summary>Whether a slot gives a session on a day: a school day of its validity, its weekday, its week.</summary>
    private bool Gives(ISchoolCalendar calendar, TimetableSlot slot, DateOnly day, Dictionary<DateOnly, TeachingWeeks> weeks)
    {
        if (day.DayOfWeek != slot.Day || !slot.Valid.Contains(day) || !calendar.IsSchoolDay(School, day))
        {
            return false;
        }

        if (slot.Weeks == TeachingWeeks.Every)
        {
            return true;
        }

        var monday = SchoolTime.MondayOf(day);
        if (!weeks.TryGetValue(monday, out var week))
        {
            // Days are read in order: a week follows the one before it (flipped if the school teaches in it) rather than being
            // counted again from the first week A.
            weeks[monday] = week = weeks.TryGetValue(monday.AddDays(-7), out var before) && monday.AddDays(-7) >= SchoolTime.MondayOf(FirstWeekA)
                ? (Teaches(calendar, monday) ? Other(before) : before)
                : WeekOf(calendar, day);
        }

        return week == slot.Weeks;
    }

    /// <summary>A slot's session of a day with its change applied; null when it is cancelled.</summary>
    private Session? Taught(TimetableSlot slot, DateOnly scheduledOn)
    {
        var id = SessionId.Of(slot.Id, scheduledOn);
        var change = _changes.GetValueOrDefault(id);
        if (change is { Cancelled: true })
        {
            return null;
        }

        return new Session(id, slot.Id, School, slot.Audience, slot.Subject, change?.Replacement ?? slot.Teacher, change?.Room ?? slot.Room,
            change?.MovedTo ?? scheduledOn, change?.Start ?? slot.Start, change?.End ?? slot.End, scheduledOn, change);
    }

    /// <summary>Whether the school teaches at least one day of the week that begins on a Monday.</summary>
    private bool Teaches(ISchoolCalendar calendar, DateOnly monday) => calendar.SchoolDaysBetween(School, monday, monday.AddDays(5)).Length > 0;

    private static TeachingWeeks Other(TeachingWeeks week) => week == TeachingWeeks.WeekA ? TeachingWeeks.WeekB : TeachingWeeks.WeekA;

}
