using Ent.Core.Identifiers;

namespace Ent.Core.Timetable;

/// <summary>
/// A one-off change to one session of a slot (the slot on the day it is scheduled): cancelled, or moved to another day or time
/// or room, or taught by a replacement teacher (a move and a replacement may go together).
/// </summary>
public sealed record SessionChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="scheduledOn">The day the slot gives the session.</param>
    /// <param name="cancelled">Whether the session is cancelled (then nothing else may change).</param>
    /// <param name="movedTo">The day it is moved to, if another.</param>
    /// <param name="start">Its new start, if another.</param>
    /// <param name="end">Its new end, if another.</param>
    /// <param name="room">Its new room, if another.</param>
    /// <param name="replacement">The teacher who replaces the slot's, if any.</param>
    /// <param name="reason">Why, as the school writes it (shown to the class), if given.</param>
    /// <exception cref="ArgumentException">A cancellation that also moves or replaces, a change that changes nothing, or a new end not after the new start.</exception>
    public SessionChange(TimetableSlotId slot, DateOnly scheduledOn, bool cancelled = false, DateOnly? movedTo = null, TimeOnly? start = null, TimeOnly? end = null,
        string? room = null, PersonId? replacement = null, string? reason = null)
    {
        var moves = movedTo is not null || start is not null || end is not null || room is not null || replacement is not null;
        if (cancelled && moves)
        {
            throw new ArgumentException($"The session of {scheduledOn:yyyy-MM-dd} is cancelled or changed, not both.", nameof(cancelled));
        }

        if (!cancelled && !moves)
        {
            throw new ArgumentException($"A change to the session of {scheduledOn:yyyy-MM-dd} cancels it, moves it, or names a replacement.", nameof(cancelled));
        }

        if (start is { } from && end is { } to && to <= from)
        {
            throw new ArgumentException($"A session ends after it starts: {from:HH\\:mm}–{to:HH\\:mm} does not.", nameof(end));
        }

        (Slot, ScheduledOn, Cancelled, MovedTo, Start, End, Room, Replacement, Reason) = (slot, scheduledOn, cancelled, movedTo, start, end, room, replacement, reason);
    }

    /// <summary>The slot.</summary>
    public TimetableSlotId Slot { get; }

    /// <summary>The day the slot gives the session.</summary>
    public DateOnly ScheduledOn { get; }

    /// <summary>Whether the session is cancelled.</summary>
    public bool Cancelled { get; }

    /// <summary>The day it is moved to, or null.</summary>
    public DateOnly? MovedTo { get; }

    /// <summary>Its new start, or null.</summary>
    public TimeOnly? Start { get; }

    /// <summary>Its new end, or null.</summary>
    public TimeOnly? End { get; }

    /// <summary>Its new room, or null.</summary>
    public string? Room { get; }

    /// <summary>The replacement teacher, or null.</summary>
    public PersonId? Replacement { get; }

    /// <summary>Why, or null.</summary>
    public string? Reason { get; }
}
