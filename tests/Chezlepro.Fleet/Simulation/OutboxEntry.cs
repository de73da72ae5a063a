namespace Chezlepro.Fleet.Simulation;

/// <summary>One captured message waiting for the collector's watermark; <paramref name="Live"/> is false for a backlog row.</summary>
internal sealed record OutboxEntry(long Seq, string Topic, byte[] Payload, DateTimeOffset CapturedAt, bool Live);
