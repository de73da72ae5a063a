using System.Text.Json;
using Chezlepro.Contracts.Identity;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Collector.Storage;

namespace Chezlepro.Collector.Ingest;

/// <summary>
/// Pure validation of one incoming agent message: the topic must be a contract topic, the payload the
/// contract's shape, and the payload's identity the topic's (the topic is what the broker's ACL enforced;
/// a payload claiming another site is forged or misconfigured, and is dropped).
/// </summary>
public sealed class MessageValidator
{
    private readonly TopicScheme _topics;
    private readonly int _maxPayloadBytes;

    /// <summary>Creates the validator.</summary>
    public MessageValidator(TopicScheme topics, int maxPayloadBytes)
    {
        _topics = topics;
        _maxPayloadBytes = maxPayloadBytes;
    }

    /// <summary>Validates; on success the message is a StatusMessage, TelemetryBatch, HealthResult, AlertEvent or GapsNotice.</summary>
    public ValidationOutcome Validate(string topic, ReadOnlySpan<byte> payload)
    {
        if (!_topics.TryParse(topic, out var parsed)) return ValidationOutcome.Reject(RejectCause.Topic, "not a contract topic");
        if (parsed.Kind is TopicKind.Failover or TopicKind.FailoverApplied or TopicKind.NocAlerts or TopicKind.CollectorStatus or TopicKind.Ack)
            return ValidationOutcome.Ignore(parsed);
        if (payload.Length > _maxPayloadBytes)
            return ValidationOutcome.Reject(RejectCause.Oversized, $"payload of {payload.Length} bytes exceeds {_maxPayloadBytes}");
        if (!IsWellFormedJson(payload)) return ValidationOutcome.Reject(RejectCause.Json, "malformed JSON");
        object? message;
        try
        {
            message = parsed.Kind switch
            {
                TopicKind.Status => JsonSerializer.Deserialize(payload, ContractJsonContext.Default.StatusMessage),
                TopicKind.Telemetry => JsonSerializer.Deserialize(payload, ContractJsonContext.Default.TelemetryBatch),
                TopicKind.Health => JsonSerializer.Deserialize(payload, ContractJsonContext.Default.HealthResult),
                TopicKind.Alerts => JsonSerializer.Deserialize(payload, ContractJsonContext.Default.AlertEvent),
                TopicKind.Gaps => JsonSerializer.Deserialize(payload, ContractJsonContext.Default.GapsNotice),
                _ => null,
            };
        }
        catch (JsonException ex)
        {
            // The JSON was well formed (checked above), so this is the contract's shape being wrong.
            return ValidationOutcome.Reject(RejectCause.Schema, ex.Path is null ? "not the contract's shape" : $"invalid at {ex.Path}");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return ValidationOutcome.Reject(RejectCause.Schema, "not the contract's shape");
        }
        return message switch
        {
            null => ValidationOutcome.Reject(RejectCause.Schema, "null payload"),
            StatusMessage s => Check(parsed, s.Schema, s.Site, s.Node, null, null, s),
            TelemetryBatch t => t.Seq < 1 || t.Samples is null || t.Samples.Any(x => x is null || string.IsNullOrEmpty(x.Metric) || !double.IsFinite(x.Value))
                ? ValidationOutcome.Reject(RejectCause.Schema, "telemetry without seq or with invalid samples")
                : Check(parsed, t.Schema, t.Site, t.Node, t.Source, t.Ts, t),
            HealthResult h => h.Seq < 1 || !Enum.IsDefined(h.Status)
                ? ValidationOutcome.Reject(RejectCause.Schema, "health without seq or with an unknown status")
                : Check(parsed, h.Schema, h.Site, h.Node, h.Check, h.Ts, h),
            AlertEvent a => a.Seq < 1 || a.Alert is null || !Identifiers.IsValidName(a.Alert.Id)
                ? ValidationOutcome.Reject(RejectCause.Schema, "alert without seq or with an invalid id")
                : Check(parsed, a.Schema, a.Site, a.Node, null, a.Ts, a),
            GapsNotice g => g.Seq < 1 ? ValidationOutcome.Reject(RejectCause.Schema, "gaps notice without seq")
                : GapsRules.Problem(g.Evicted) is { } problem ? ValidationOutcome.Reject(RejectCause.Schema, problem)
                : Check(parsed, g.Schema, g.Site, g.Node, null, g.Ts, g),
            _ => ValidationOutcome.Reject(RejectCause.Schema, "unexpected payload"),
        };
    }

    /// <summary>
    /// For a rejected message: the seq to record as received (Storage/Watermarks/README.md), when its topic is a node's
    /// outbox topic and its payload carries a seq ≥ 1; null otherwise (a status has no seq, a foreign topic no node).
    /// </summary>
    public RejectedSeq? RejectedSeqOf(string topic, ReadOnlySpan<byte> payload, RejectCause cause)
    {
        if (!_topics.TryParse(topic, out var parsed) || parsed.Kind is not (TopicKind.Telemetry or TopicKind.Health or TopicKind.Alerts or TopicKind.Gaps))
            return null;
        return SeqProbe.Read(payload) is { } seq ? new RejectedSeq(parsed.Site!, parsed.Node!, seq, cause.ToString().ToLowerInvariant()) : null;
    }

    // A forward-only pass of the reader: no allocation, and it tells malformed JSON from a wrong shape.
    private static bool IsWellFormedJson(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
            }
            return reader.BytesConsumed == payload.Length || payload[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).IsEmpty;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ValidationOutcome Check(ParsedTopic topic, int schema, string site, string node, string? name, DateTimeOffset? ts, object message)
    {
        if (schema != SchemaVersion.Current) return ValidationOutcome.Reject(RejectCause.Schema, $"schema {schema} is not {SchemaVersion.Current}");
        if (ts is { } t && t == default) return ValidationOutcome.Reject(RejectCause.Schema, "missing ts");
        if (!string.Equals(site, topic.Site, StringComparison.Ordinal) || !string.Equals(node, topic.Node, StringComparison.Ordinal))
            return ValidationOutcome.Reject(RejectCause.Identity, "payload site/node differ from the topic");
        if (name is not null && !string.Equals(name, topic.Name, StringComparison.Ordinal))
            return ValidationOutcome.Reject(RejectCause.Identity, "payload source/check differs from the topic");
        return ValidationOutcome.Accept(topic, message);
    }
}
