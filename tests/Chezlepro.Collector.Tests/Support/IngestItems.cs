using System.Text.Json;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;

namespace Chezlepro.Collector.Tests.Support;

/// <summary>
/// Ingest items as production builds them (IngestProcessor.ProcessBatchAsync): the typed message with its JSON as
/// the payload, which the fold reads back when a late result lands inside a run.
/// </summary>
internal static class IngestItems
{
    public static IngestItem Of(HealthResult r) =>
        new(new StoredMessage(r.Site, r.Node, r.Seq, TopicKind.Health, r.Check, r.Ts, JsonSerializer.Serialize(r, ContractJsonContext.Default.HealthResult)), r);

    public static IngestItem Of(TelemetryBatch b) =>
        new(new StoredMessage(b.Site, b.Node, b.Seq, TopicKind.Telemetry, b.Source, b.Ts, JsonSerializer.Serialize(b, ContractJsonContext.Default.TelemetryBatch)), b);

    public static IngestItem Of(AlertEvent a) =>
        new(new StoredMessage(a.Site, a.Node, a.Seq, TopicKind.Alerts, null, a.Ts, JsonSerializer.Serialize(a, ContractJsonContext.Default.AlertEvent)), a);

    public static IngestItem Of(GapsNotice g) =>
        new(new StoredMessage(g.Site, g.Node, g.Seq, TopicKind.Gaps, null, g.Ts, JsonSerializer.Serialize(g, ContractJsonContext.Default.GapsNotice)), g);

    /// <summary>A status is not an outbox message: no seq, nothing stored in messages.</summary>
    public static IngestItem Of(StatusMessage s) => new(null, s);

    /// <summary>Stores one item alone through the batch path; its outcome.</summary>
    public static async Task<StoreOutcome> StoreOneAsync(this ICollectorStore store, IngestItem item, DateTimeOffset receivedAt) =>
        (await store.StoreBatchAsync([item], receivedAt, default)).Single();
}
