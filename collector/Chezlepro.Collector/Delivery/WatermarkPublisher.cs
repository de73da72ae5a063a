using System.Text.Json;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Watermarks;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Delivery;

/// <summary>
/// Publishes each node's delivery watermark on <c>&lt;root&gt;/v1/&lt;site&gt;/&lt;node&gt;/ack</c> (QoS 1, retained) after
/// the batch that moved it committed. Coalesced: at most one publish per node per <see cref="Window"/>, and a watermark
/// that moved inside the window is published when it closes, never left unsent. Publishing runs on its own loop: ingest
/// only records what to send (it runs inside the MQTT client's handler, where awaiting a PUBACK would wait on the very
/// receive loop that runs it), and a failed publish is counted and retried, never felt by ingest.
/// In a <c>Collector:Group</c> only the leader publishes, so the retained <c>ack</c> has one writer and never steps back
/// to an older value another collector read; it learns what the others stored from <see cref="SweepAsync"/>.
/// </summary>
public sealed class WatermarkPublisher : BackgroundService
{
    /// <summary>At most one publish per node within this window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>How long a node waits after a failed publish before the next try.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly IMqttClient _client;
    private readonly IDeliveryStore _store;
    private readonly TopicScheme _topics;
    private readonly string _collectorId;
    private readonly TimeProvider _time;
    private readonly DeliveryCounters _counters;
    private readonly ILogger<WatermarkPublisher> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Site, string Node), NodeState> _nodes = [];
    private readonly ILeadership? _leadership;
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _sweptAsLeader;

    /// <summary>Creates the publisher.</summary>
    public WatermarkPublisher(IMqttClient client, IDeliveryStore store, TopicScheme topics, IOptions<CollectorOptions> options, TimeProvider time,
        DeliveryCounters counters, ILogger<WatermarkPublisher> logger, ILeadership? leadership = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Gated only in a group: a PostgreSQL collector alone publishes what it stores, as with SQLite.
        _leadership = options.Value.Group is null ? null : leadership;
        _client = client;
        _store = store;
        _topics = topics;
        _collectorId = options.Value.Id;
        _time = time;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>
    /// Called by ingest after a batch committed, with the watermarks the batch's transaction wrote (under the nodes' row
    /// locks, so with several collectors on one database the shared values): queues them without reading the store again.
    /// A node whose birth arrived gets its current watermark again even when unchanged, so a reconnecting agent learns it;
    /// a birth whose node the batch named with no seq (a status alone, the usual reconnect) is read from the store — a
    /// reconnect is rare, a batch is not. Never throws for a store fault: the leader's sweep publishes what this could not read.
    /// </summary>
    public async Task OnBatchStoredAsync(IReadOnlyList<NodeWatermark> committed, IReadOnlyCollection<(string Site, string Node)> births,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(births);
        var unread = births.Count == 0 ? null : new HashSet<(string Site, string Node)>(births);
        foreach (var m in committed)
        {
            var birth = unread?.Remove((m.Site, m.Node)) ?? false;
            Offer(m, birth);
        }
        if (unread is not { Count: > 0 }) return;
        IReadOnlyList<NodeWatermark> marks;
        try
        {
            marks = await _store.GetWatermarksAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DeliveryLog.ReadFailed(_logger, ex.Message);
            return;
        }
        foreach (var m in marks)
        {
            if (unread.Contains((m.Site, m.Node))) Offer(m, force: true);
        }
    }

    /// <summary>Queues a watermark; <paramref name="force"/> publishes it even when it was already published.</summary>
    public void Offer(NodeWatermark mark, bool force)
    {
        ArgumentNullException.ThrowIfNull(mark);
        lock (_gate)
        {
            if (!_nodes.TryGetValue((mark.Site, mark.Node), out var state)) _nodes[(mark.Site, mark.Node)] = state = new NodeState();
            state.Wanted = Math.Max(state.Wanted ?? 0, mark.Through);
            state.Force |= force;
            _signal.TrySetResult();
        }
    }

    /// <summary>True when this collector publishes (always, unless a follower in a group).</summary>
    public bool Publishing => _leadership is not { Shared: true, IsLeader: false };

    /// <summary>
    /// In a group, on the leader: queues every node's stored watermark, whichever collector stored the rows that moved
    /// it. The first sweep after taking over republishes them all, in case the previous leader died between a commit and
    /// its publish. A follower only notes that it must do so when it leads.
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (!Publishing)
        {
            _sweptAsLeader = false;
            return;
        }
        var marks = await _store.GetWatermarksAsync(cancellationToken);
        foreach (var m in marks) Offer(m, force: !_sweptAsLeader);
        _sweptAsLeader = true;
    }

    /// <summary>One pass: publishes every node that is due; returns when the next one will be (null: none waiting).</summary>
    public async Task<DateTimeOffset?> PublishDueAsync(CancellationToken cancellationToken)
    {
        // A follower keeps what it was offered (the leader's sweep publishes it) and waits for the next offer.
        if (!Publishing) return null;
        var now = _time.GetUtcNow();
        List<((string Site, string Node) Key, long Through)> due = [];
        DateTimeOffset? next = null;
        lock (_gate)
        {
            foreach (var (key, s) in _nodes)
            {
                if (s.Wanted is not { } wanted || (!s.Force && wanted <= s.Published)) continue;
                if (now >= s.NotBefore) due.Add((key, wanted));
                else if (next is null || s.NotBefore < next) next = s.NotBefore;
            }
        }
        foreach (var (key, through) in due)
        {
            var ok = await PublishAsync(key.Site, key.Node, through, now, cancellationToken);
            lock (_gate)
            {
                var s = _nodes[key];
                if (ok)
                {
                    s.Published = Math.Max(s.Published, through);
                    s.Force = false;
                }
                s.NotBefore = now + (ok ? Window : RetryDelay);
                // Moved again while this one was on the wire: the trailing publish when the window closes.
                if (s.Wanted > s.Published || s.Force) next = next is null || s.NotBefore < next ? s.NotBefore : next;
            }
        }
        return next;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Task signal;
            lock (_gate)
            {
                if (_signal.Task.IsCompleted) _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                signal = _signal.Task;
            }
            var next = await PublishDueAsync(stoppingToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = next is { } n ? Task.Delay(Max(n - _time.GetUtcNow(), TimeSpan.Zero), _time, wait.Token) : Task.Delay(Timeout.InfiniteTimeSpan, _time, wait.Token);
            await Task.WhenAny(signal, delay).WaitAsync(stoppingToken);
            await wait.CancelAsync();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task<bool> PublishAsync(string site, string node, long through, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ack = new DeliveryAck { Site = site, Node = node, Collector = _collectorId, Through = through, Ts = now };
        var payload = JsonSerializer.SerializeToUtf8Bytes(ack, ContractJsonContext.Default.DeliveryAck);
        try
        {
            await _client.PublishAsync(new MqttApplicationMessage(_topics.Ack(site, node), payload, MqttQualityOfService.AtLeastOnce, Retain: true), cancellationToken);
        }
        catch (Exception ex) when (ex is MqttNotConnectedException or MqttConnectionLostException)
        {
            _counters.CountFailure();
            DeliveryLog.PublishFailed(_logger, site, node, through, RetryDelay.TotalSeconds, ex.Message);
            return false;
        }
        _counters.CountPublished();
        DeliveryLog.Published(_logger, site, node, through);
        return true;
    }

    private sealed class NodeState
    {
        public long? Wanted { get; set; }

        public long Published { get; set; } = -1;

        public bool Force { get; set; }

        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;
    }
}
