using Chezlepro.Agent.Outbox;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Tests.Scheduling;

/// <summary>An in-memory outbox for runner tests.</summary>
internal sealed class FakeOutbox : IOutbox
{
    private readonly List<OutboxMessage> _rows = [];
    private long _next = 1;
    private long _session;

    public IReadOnlyList<OutboxMessage> Rows
    {
        get
        {
            lock (_rows) return _rows.ToList();
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            var seqs = new List<long>();
            foreach (var m in messages)
            {
                _rows.Add(new OutboxMessage(_next, m.Kind, m.Topic, m.Render(_next), DateTimeOffset.UnixEpoch));
                seqs.Add(_next++);
            }
            return Task.FromResult<IReadOnlyList<long>>(seqs);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> PeekAsync(long afterSeq, int max, CancellationToken cancellationToken)
    {
        lock (_rows) return Task.FromResult<IReadOnlyList<OutboxMessage>>(_rows.Where(r => r.Seq > afterSeq).Take(max).ToList());
    }

    public Task MarkSentAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<WatermarkOutcome> AcknowledgeAsync(long through, CancellationToken cancellationToken)
    {
        lock (_rows) _rows.RemoveAll(r => r.Seq <= through);
        return Task.FromResult(WatermarkOutcome.Advanced);
    }

    public Task<WatermarkOutcome> AdoptAsync(long through, CancellationToken cancellationToken) => AcknowledgeAsync(through, cancellationToken);

    public Task ReleaseFreshHoldAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<LatchedAlert>> GetLatchedAlertsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LatchedAlert>>([]);

    public Task<long> NextSessionAsync(CancellationToken cancellationToken) => Task.FromResult(Interlocked.Increment(ref _session));

    public Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        lock (_rows) return Task.FromResult(new OutboxStats(_rows.Count, _rows.Sum(r => r.Payload.Length), null, _next, 0));
    }

    public Task<int> PruneAsync(DateTimeOffset now, Func<EvictedRange, PendingMessage> notice, CancellationToken cancellationToken) =>
        Task.FromResult(0);
}
