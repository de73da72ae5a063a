using Chezlepro.Collector.Diagnostics;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Ingest;

/// <summary>Validates one incoming message and stores it; never throws for bad input.</summary>
public sealed class IngestProcessor
{
    private readonly MessageValidator _validator;
    private readonly ICollectorStore _store;
    private readonly IngestCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<IngestProcessor> _logger;
    private readonly NocPublisher _noc;

    /// <summary>Creates the processor.</summary>
    public IngestProcessor(MessageValidator validator, ICollectorStore store, IngestCounters counters, TimeProvider time, ILogger<IngestProcessor> logger,
        NocPublisher noc)
    {
        _noc = noc;
        _validator = validator;
        _store = store;
        _counters = counters;
        _time = time;
        _logger = logger;
    }

    /// <summary>Processes one message.</summary>
    public async Task<IngestResult> ProcessAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var outcome = _validator.Validate(topic, payload.Span);
        if (outcome.Ignored)
        {
            _counters.Count(IngestResult.Ignored);
            return IngestResult.Ignored;
        }
        if (outcome.Cause is { } cause)
        {
            var printable = topic.Length > 120 ? topic[..120] : topic;
            printable = new string(printable.Select(c => char.IsControl(c) ? '?' : c).ToArray());
            var causeName = cause.ToString();
            if (_counters.Count(cause)) CollectorLog.FirstReject(_logger, printable, causeName, outcome.Reason ?? "");
            else CollectorLog.Reject(_logger, printable, causeName, outcome.Reason ?? "");
            return IngestResult.Rejected;
        }
        var now = _time.GetUtcNow();
        var parsed = outcome.Topic!;
        var raw = System.Text.Encoding.UTF8.GetString(payload.Span);
        IngestResult result;
        switch (outcome.Message)
        {
            case StatusMessage s:
                var applied = await _store.ApplyStatusAsync(s, now, cancellationToken);
                if (applied == StatusOutcome.Stale)
                {
                    CollectorLog.StaleStatus(_logger, s.Site, s.Node, s.Session);
                    result = IngestResult.StaleStatus;
                }
                else
                {
                    CollectorLog.NodeStatus(_logger, s.Site, s.Node, s.Online ? "online" : "offline", s.Session, s.Reason);
                    result = IngestResult.Accepted;
                }
                break;
            case TelemetryBatch t:
                result = Stored(await _store.StoreTelemetryAsync(new StoredMessage(t.Site, t.Node, t.Seq, TopicKind.Telemetry, t.Source, t.Ts, raw), t, now, cancellationToken));
                break;
            case HealthResult h:
                result = Stored(await _store.StoreHealthAsync(new StoredMessage(h.Site, h.Node, h.Seq, TopicKind.Health, h.Check, h.Ts, raw), h, now, cancellationToken));
                break;
            case AlertEvent a:
                var inserted = await _store.StoreAlertAsync(new StoredMessage(a.Site, a.Node, a.Seq, TopicKind.Alerts, null, a.Ts, raw), a, now, cancellationToken);
                // Queued only: publishing from inside the MQTT message handler would wait on its own receive loop.
                if (inserted) await _noc.OnAgentAlertAsync(a, cancellationToken);
                result = Stored(inserted);
                break;
            default:
                result = IngestResult.Ignored;
                break;
        }
        _counters.Count(result);
        return result;
    }

    private static IngestResult Stored(bool inserted) => inserted ? IngestResult.Accepted : IngestResult.Duplicate;
}
