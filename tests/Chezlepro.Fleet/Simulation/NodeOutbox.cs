namespace Chezlepro.Fleet.Simulation;

/// <summary>
/// The agent's outbox reduced to memory, with the same rules (agent/Forwarding): seq strictly increasing from 1, rows
/// kept until a watermark covers them (a PUBACK only means the broker has it), sending from a cursor that goes back to
/// the watermark after every reconnect or acknowledgement timeout.
/// </summary>
internal sealed class NodeOutbox
{
    private readonly Lock _lock = new();
    private readonly LinkedList<OutboxEntry> _rows = new();
    private long _lastSeq;
    private long _watermark;
    private long _cursor;
    private DateTimeOffset _since;
    private int _unansweredPasses;

    public long LastSeq
    {
        get
        {
            lock (_lock) return _lastSeq;
        }
    }

    public long Watermark
    {
        get
        {
            lock (_lock) return _watermark;
        }
    }

    public int Pending
    {
        get
        {
            lock (_lock) return _rows.Count;
        }
    }

    /// <summary>Assigns the next seq and stores the payload <paramref name="build"/> makes with it.</summary>
    public long Append(string topic, Func<long, byte[]> build, DateTimeOffset capturedAt, bool live)
    {
        lock (_lock)
        {
            var seq = ++_lastSeq;
            _rows.AddLast(new OutboxEntry(seq, topic, build(seq), capturedAt, live));
            return seq;
        }
    }

    /// <summary>Up to <paramref name="max"/> rows after the cursor, in seq order.</summary>
    public List<OutboxEntry> Peek(int max)
    {
        lock (_lock)
        {
            var batch = new List<OutboxEntry>(Math.Min(max, _rows.Count));
            for (var n = _rows.First; n is not null && batch.Count < max; n = n.Next)
            {
                if (n.Value.Seq > _cursor) batch.Add(n.Value);
            }
            return batch;
        }
    }

    /// <summary>The broker has every row through <paramref name="seq"/> (PUBACK, in order).</summary>
    public void Sent(long seq, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_cursor <= _watermark) _since = now;
            if (seq > _cursor) _cursor = seq;
        }
    }

    /// <summary>A new connection: whatever the broker held for the old one may be gone, so sending restarts at the watermark.</summary>
    public void Reconnected(DateTimeOffset now)
    {
        lock (_lock)
        {
            _cursor = _watermark;
            _since = now;
        }
    }

    /// <summary>Rows the watermark now covers, removed; empty when it does not move (or names a seq never assigned).</summary>
    public List<OutboxEntry> Acknowledge(long through, DateTimeOffset now)
    {
        lock (_lock)
        {
            var covered = new List<OutboxEntry>();
            if (through <= _watermark || through > _lastSeq) return covered;
            _watermark = through;
            if (_cursor < through) _cursor = through;
            _since = now;
            _unansweredPasses = 0;
            while (_rows.First is { } first && first.Value.Seq <= through)
            {
                covered.Add(first.Value);
                _rows.RemoveFirst();
            }
            return covered;
        }
    }

    /// <summary>
    /// Sent but not acknowledged for <paramref name="timeout"/>: back to the watermark (the agent's AckTimeout), the wait
    /// doubling with every pass left unanswered, up to 32 times, as agent/Forwarding/DeliveryWindow does.
    /// </summary>
    public bool TryStartResend(DateTimeOffset now, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_cursor <= _watermark || now < _since + (timeout * (1 << Math.Min(_unansweredPasses, 5)))) return false;
            _cursor = _watermark;
            _since = now;
            _unansweredPasses++;
            return true;
        }
    }
}
