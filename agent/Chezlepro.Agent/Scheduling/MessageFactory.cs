using System.Text.Json;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Sources;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Hosting.Mqtt;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Scheduling;

/// <summary>Turns a source's reading into the contract messages of one poll cycle (pure apart from the options).</summary>
public sealed class MessageFactory
{
    private readonly string _site;
    private readonly string _node;
    private readonly TopicScheme _topics;

    /// <summary>Creates the factory for this node.</summary>
    public MessageFactory(IOptions<AgentOptions> agent, IOptions<MqttOptions> mqtt)
        : this(agent.Value.Site, agent.Value.Node, new TopicScheme(mqtt.Value.TopicRoot))
    {
    }

    /// <summary>Creates the factory for an explicit identity.</summary>
    public MessageFactory(string site, string node, TopicScheme topics)
    {
        _site = site;
        _node = node;
        _topics = topics;
    }

    /// <summary>Topic scheme in use.</summary>
    public TopicScheme Topics => _topics;

    /// <summary>Site identity.</summary>
    public string Site => _site;

    /// <summary>Node identity.</summary>
    public string Node => _node;

    /// <summary>The messages of one poll, each rendered with its <c>seq</c> when appended.</summary>
    /// <param name="source">Source name.</param>
    /// <param name="reading">What the poll produced.</param>
    /// <param name="ts">Capture time.</param>
    public IReadOnlyList<PendingMessage> Build(string source, SourceReading reading, DateTimeOffset ts)
    {
        var list = new List<PendingMessage>(1 + reading.Health.Count + reading.Alerts.Count);
        if (reading.Samples.Count > 0)
        {
            var samples = reading.Samples.ToArray();
            list.Add(new PendingMessage(OutboxKind.Telemetry, _topics.Telemetry(_site, _node, source), seq =>
                JsonSerializer.SerializeToUtf8Bytes(new TelemetryBatch
                {
                    Site = _site, Node = _node, Seq = seq, Ts = ts, Source = source, Samples = samples,
                }, ContractJsonContext.Default.TelemetryBatch)));
        }
        foreach (var h in reading.Health)
        {
            list.Add(new PendingMessage(OutboxKind.Health, _topics.Health(_site, _node, h.Check), seq =>
                JsonSerializer.SerializeToUtf8Bytes(ToHealthResult(h, seq, ts), ContractJsonContext.Default.HealthResult)));
        }
        foreach (var a in reading.Alerts)
        {
            list.Add(new PendingMessage(OutboxKind.Alert, _topics.Alerts(_site, _node), seq =>
                JsonSerializer.SerializeToUtf8Bytes(new AlertEvent
                {
                    Site = _site, Node = _node, Seq = seq, Ts = ts, Alert = a,
                }, ContractJsonContext.Default.AlertEvent), new LatchChange(source, a.Id, a.State == AlertState.Raised)));
        }
        return list;
    }

    /// <summary>A gaps notice declaring <paramref name="evicted"/>, rendered with its own seq when appended.</summary>
    /// <param name="evicted">The evicted seqs.</param>
    /// <param name="ts">When the eviction happened.</param>
    public PendingMessage GapsNotice(EvictedRange evicted, DateTimeOffset ts) =>
        new(OutboxKind.Gaps, _topics.Gaps(_site, _node), seq => JsonSerializer.SerializeToUtf8Bytes(new GapsNotice
        {
            Site = _site, Node = _node, Seq = seq, Ts = ts, Evicted = evicted,
        }, ContractJsonContext.Default.GapsNotice));

    /// <summary>The contract record of a health reading.</summary>
    public HealthResult ToHealthResult(HealthReading h, long seq, DateTimeOffset ts) => new()
    {
        Site = _site, Node = _node, Seq = seq, Ts = ts, Check = h.Check, Status = h.Status, Summary = h.Summary, SummaryEn = h.SummaryEn,
        Details = h.Details?.DeepClone().AsObject(),
    };

    /// <summary>A status payload (birth, will or shutdown).</summary>
    public byte[] Status(bool online, string? reason, long session, DateTimeOffset ts, DateTimeOffset startedAt, string version) =>
        JsonSerializer.SerializeToUtf8Bytes(new StatusMessage
        {
            Site = _site, Node = _node, Online = online, Reason = reason, Session = session, Ts = ts,
            AgentVersion = version, StartedAt = startedAt,
        }, ContractJsonContext.Default.StatusMessage);
}
