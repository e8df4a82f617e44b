namespace Ent.Samples.DepartmentHost.Generation;

/// <summary>
/// The host's clock: the given one, except inside a <see cref="Travel"/> scope, where it reads the instant the
/// generator dates its data at, in that flow of calls only (requests served meanwhile read the real time).
/// </summary>
/// <param name="inner">The real clock.</param>
internal sealed class TravellingClock(TimeProvider inner) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _at = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _at.Value ?? inner.GetUtcNow();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() => inner.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Reads <paramref name="instant"/> until the returned scope is disposed.</summary>
    /// <param name="instant">The instant (never after the real now).</param>
    public IDisposable Travel(DateTimeOffset instant)
    {
        if (instant > inner.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "Generated data is never dated in the future.");
        }

        var previous = _at.Value;
        _at.Value = instant.ToUniversalTime();
        return new Scope(this, previous);
    }

    private sealed class Scope(TravellingClock clock, DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => clock._at.Value = previous;
    }
}
