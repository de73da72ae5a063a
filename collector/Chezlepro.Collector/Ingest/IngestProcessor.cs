using Chezlepro.Collector.Delivery;
using Chezlepro.Collector.Diagnostics;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Ingest;

/// <summary>Validates incoming messages and stores the valid ones; never throws for bad input.</summary>
public sealed class IngestProcessor
{
    private readonly MessageValidator _validator;
    private readonly ICollectorStore _store;
    private readonly IngestCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<IngestProcessor> _logger;
    private readonly NocPublisher _noc;
    private readonly WatermarkPublisher? _watermarks;

    /// <summary>Creates the processor; without <paramref name="watermarks"/> (tests of other concerns) the delivery state is kept but nothing is published.</summary>
    public IngestProcessor(MessageValidator validator, ICollectorStore store, IngestCounters counters, TimeProvider time, ILogger<IngestProcessor> logger,
        NocPublisher noc, WatermarkPublisher? watermarks = null)
    {
        _noc = noc;
        _watermarks = watermarks;
        _validator = validator;
        _store = store;
        _counters = counters;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Processes messages received together: bad ones are counted and dropped, the valid ones stored in one
    /// transaction. Throws only when storage fails, and then nothing of the batch is stored.
    /// </summary>
    public async Task ProcessBatchAsync(IReadOnlyList<(string Topic, ReadOnlyMemory<byte> Payload)> messages, CancellationToken cancellationToken)
    {
        var items = new List<IngestItem>(messages.Count);
        foreach (var (topic, payload) in messages)
        {
            var outcome = _validator.Validate(topic, payload.Span);
            if (outcome.Ignored)
            {
                _counters.Count(IngestResult.Ignored);
                continue;
            }
            if (outcome.Cause is { } cause)
            {
                CountReject(topic, cause, outcome.Reason);
                // Recorded as received, so one bad payload cannot hold the node's watermark (Storage/Watermarks/README.md).
                if (_validator.RejectedSeqOf(topic, payload.Span, cause) is { } rejected) items.Add(new IngestItem(null, rejected));
                continue;
            }
            var raw = System.Text.Encoding.UTF8.GetString(payload.Span);
            items.Add(outcome.Message switch
            {
                TelemetryBatch t => new IngestItem(new StoredMessage(t.Site, t.Node, t.Seq, TopicKind.Telemetry, t.Source, t.Ts, raw), t),
                HealthResult h => new IngestItem(new StoredMessage(h.Site, h.Node, h.Seq, TopicKind.Health, h.Check, h.Ts, raw), h),
                AlertEvent a => new IngestItem(new StoredMessage(a.Site, a.Node, a.Seq, TopicKind.Alerts, null, a.Ts, raw), a),
                GapsNotice g => new IngestItem(new StoredMessage(g.Site, g.Node, g.Seq, TopicKind.Gaps, null, g.Ts, raw), g),
                var other => new IngestItem(null, other!),
            });
        }
        if (items.Count == 0) return;
        var results = await _store.StoreBatchAsync(items, _time.GetUtcNow(), cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            switch (results[i], items[i].Payload)
            {
                case (StoreOutcome.StatusApplied, StatusMessage s):
                    CollectorLog.NodeStatus(_logger, s.Site, s.Node, s.Online ? "online" : "offline", s.Session, s.Reason);
                    _counters.Count(IngestResult.Accepted);
                    break;
                case (StoreOutcome.StatusStale, StatusMessage s):
                    CollectorLog.StaleStatus(_logger, s.Site, s.Node, s.Session);
                    _counters.Count(IngestResult.StaleStatus);
                    break;
                case (StoreOutcome.RejectRecorded, _):
                    break;
                case (StoreOutcome.Inserted, var payload):
                    // Queued only: publishing from inside the MQTT message handler would wait on its own receive loop.
                    if (payload is AlertEvent a) await _noc.OnAgentAlertAsync(a, cancellationToken);
                    _counters.Count(IngestResult.Accepted);
                    break;
                default:
                    _counters.Count(IngestResult.Duplicate);
                    break;
            }
        }
        if (_watermarks is not null) await _watermarks.OnBatchStoredAsync(results.Watermarks, Births(items, results), cancellationToken);
    }

    private static HashSet<(string Site, string Node)> Births(List<IngestItem> items, StoredBatch results) =>
        items.Select((item, i) => (item.Payload, Outcome: results[i]))
            .Where(x => x is { Outcome: StoreOutcome.StatusApplied, Payload: StatusMessage { Online: true } })
            .Select(x => (((StatusMessage)x.Payload).Site, ((StatusMessage)x.Payload).Node)).ToHashSet();

    private void CountReject(string topic, RejectCause cause, string? reason)
    {
        var printable = topic.Length > 120 ? topic[..120] : topic;
        printable = new string(printable.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        var causeName = cause.ToString();
        if (_counters.Count(cause)) CollectorLog.FirstReject(_logger, printable, causeName, reason ?? "");
        else CollectorLog.Reject(_logger, printable, causeName, reason ?? "");
    }
}
