using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// Takes the head of the chain, keeps it, writes it to the log and publishes it retained (QoS 1) on
/// <c>chezlepro/v1/evidence/head</c> (contract.md), so copies outside the collector pin the journal.
/// </summary>
public sealed class EvidenceHeadPublisher
{
    private readonly EvidenceJournal _journal;
    private readonly IMqttClient? _client;
    private readonly string _topic;
    private readonly string _collector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the publisher; without a client the head is only kept and logged (tests, tools).</summary>
    public EvidenceHeadPublisher(EvidenceJournal journal, IMqttClient? client, TopicScheme topics, string collector, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(topics);
        _journal = journal;
        _client = client;
        _topic = $"{topics.Root}/{TopicScheme.Version}/evidence/head";
        _collector = collector;
        _time = time;
        _logger = logger;
    }

    /// <summary>False without an MQTT client: heads are only kept and logged.</summary>
    public bool Publishes => _client is not null;

    /// <summary>The topic heads are published on.</summary>
    public string Topic => _topic;

    /// <summary>
    /// Takes the head now under <paramref name="date"/>, keeps, logs and publishes it; Published is false when the broker
    /// could not be reached (the head is kept and logged all the same; the caller retries the publication).
    /// </summary>
    public async Task<(EvidenceHead Head, bool Published)> PublishAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var head = await _journal.TakeHeadAsync(date, _time.GetUtcNow(), cancellationToken);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        EvidenceLog.Head(_logger, day, head.Records, head.Head);
        if (_client is null) return (head, false);
        var payload = new JsonObject
        {
            ["schema"] = 1, ["collector"] = _collector, ["date"] = day, ["records"] = head.Records, ["head"] = head.Head,
        }.ToJsonString();
        try
        {
            await _client.PublishAsync(new MqttApplicationMessage(_topic, Encoding.UTF8.GetBytes(payload), MqttQualityOfService.AtLeastOnce, Retain: true),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EvidenceLog.HeadPublishFailed(_logger, day, ex.Message);
            return (head, false);
        }
        return (head, true);
    }
}
