namespace Chezlepro.Agent.Forwarding;

/// <summary>
/// Where the forwarder stands between the watermark and what it has sent: the send cursor, when the current wait for
/// the watermark began, and whether a re-send pass is running. A pass (reconnect or acknowledgement timeout) starts at
/// <c>through + 1</c>; the next timeout is only counted once it has completed, and each timeout that the watermark did
/// not answer doubles the next one (up to 32 times), so a collector that never acknowledges costs a bounded re-send.
/// Pure apart from the times it is given; thread-safe (the ack handler runs on the MQTT receive loop).
/// </summary>
internal sealed class DeliveryWindow(TimeSpan ackTimeout)
{
    private const int MaxBackoffShift = 5;

    private readonly Lock _lock = new();
    private long _watermark;
    private long _cursor;
    private DateTimeOffset _since;
    private bool _resending;
    private int _unansweredPasses;
    private long _pass;

    /// <summary>The highest watermark applied.</summary>
    public long Watermark
    {
        get
        {
            lock (_lock) return _watermark;
        }
    }

    /// <summary>The highest seq sent in order on this connection: the next batch starts after it.</summary>
    public long Cursor
    {
        get
        {
            lock (_lock) return _cursor;
        }
    }

    /// <summary>
    /// Counts the passes (a new connection or a timeout re-send restarts the cursor at the watermark): batches peeked in
    /// an earlier pass may still get PUBACKs, and those must not move the new pass's cursor over rows it has not re-sent.
    /// </summary>
    public long Pass
    {
        get
        {
            lock (_lock) return _pass;
        }
    }

    /// <summary>Starts from the persisted watermark.</summary>
    public void Start(long watermark, DateTimeOffset now)
    {
        lock (_lock)
        {
            _watermark = watermark;
            _cursor = watermark;
            _since = now;
        }
    }

    /// <summary>A new connection: the broker may have lost what it had, so everything unacknowledged goes again.</summary>
    public void Connected(DateTimeOffset now)
    {
        lock (_lock)
        {
            _cursor = _watermark;
            _resending = true;
            _since = now;
            _pass++;
        }
    }

    /// <summary>Applies a watermark that the outbox accepted; returns false when it does not move forward.</summary>
    public bool Advance(long through, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (through <= _watermark) return false;
            _watermark = through;
            if (_cursor < through) _cursor = through;
            // A moving watermark is a collector draining: the wait starts again, however slow it is.
            _since = now;
            _unansweredPasses = 0;
            return true;
        }
    }

    /// <summary>The outbox adopted <paramref name="through"/> and renumbered its rows above it: a new pass sends them all.</summary>
    public void Adopt(long through, DateTimeOffset now)
    {
        lock (_lock)
        {
            _watermark = through;
            _cursor = through;
            _resending = true;
            _since = now;
            _unansweredPasses = 0;
            _pass++;
        }
    }

    /// <summary>Rows up to <paramref name="seq"/>, peeked in <paramref name="pass"/>, got their PUBACK, in order.</summary>
    public void Sent(long seq, long pass, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (pass != _pass) return;
            if (_cursor <= _watermark) _since = now;
            if (seq > _cursor) _cursor = seq;
        }
    }

    /// <summary>The outbox has nothing after the cursor: a running pass is complete.</summary>
    public void CaughtUp(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_resending) return;
            _resending = false;
            _since = now;
        }
    }

    /// <summary>How long until a timeout re-send is due, or null when nothing sent waits for the watermark.</summary>
    public TimeSpan? UntilResend(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_resending || _cursor <= _watermark) return null;
            var due = DueLocked();
            return due > now ? due - now : TimeSpan.Zero;
        }
    }

    /// <summary>Starts a re-send pass from <c>through + 1</c> when the timeout has passed; returns true when it did.</summary>
    public bool TryStartResend(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_resending || _cursor <= _watermark) return false;
            if (now < DueLocked()) return false;
            _cursor = _watermark;
            _resending = true;
            _unansweredPasses++;
            _pass++;
            return true;
        }
    }

    private DateTimeOffset DueLocked() => _since + ackTimeout * (1 << Math.Min(_unansweredPasses, MaxBackoffShift));
}
