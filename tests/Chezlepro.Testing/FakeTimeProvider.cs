namespace Chezlepro.Testing;

/// <summary>
/// The tests' manual clock: Microsoft.Extensions.TimeProvider.Testing's fake, started at the tests' usual instant and
/// counting the timers that are armed, so a test can wait until the code under test has armed its deadline before it
/// moves the clock (an advance before the timer exists would fire nothing).
/// </summary>
public sealed class FakeTimeProvider : Microsoft.Extensions.Time.Testing.FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<CountedTimer> _timers = [];

    /// <summary>Starts the clock at <paramref name="start"/> (default 2026-11-21T14:00:00Z).</summary>
    public FakeTimeProvider(DateTimeOffset? start = null)
        : base(start ?? new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate) return _timers.Count(t => t.Armed);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var counted = new CountedTimer(this);
        counted.Inner = base.CreateTimer(s =>
        {
            counted.Fired();
            callback(s);
        }, state, dueTime, period);
        counted.Arm(dueTime, period);
        lock (_gate) _timers.Add(counted);
        return counted;
    }

    private void Remove(CountedTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    private sealed class CountedTimer(FakeTimeProvider owner) : ITimer
    {
        private volatile bool _armed;
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        public bool Armed => _armed;

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            _armed = dueTime != Timeout.InfiniteTimeSpan;
        }

        // A one-shot timer is spent once it fires; a periodic one stays armed.
        public void Fired() => _armed = _period != Timeout.InfiniteTimeSpan && _period != TimeSpan.Zero;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            _armed = false;
            owner.Remove(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
