using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage;

/// <summary>One validated message of an ingest batch (stored with the others in one transaction).</summary>
/// <param name="Message">Identity and raw payload; null for a status and a <see cref="RejectedSeq"/>.</param>
/// <param name="Payload">The typed payload: <see cref="TelemetryBatch"/>, <see cref="HealthResult"/>, <see cref="AlertEvent"/>,
/// <see cref="GapsNotice"/>, <see cref="StatusMessage"/>, or a <see cref="RejectedSeq"/> (recorded for the watermark only).</param>
public sealed record IngestItem(StoredMessage? Message, object Payload);
