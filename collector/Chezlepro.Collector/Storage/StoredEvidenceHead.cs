namespace Chezlepro.Collector.Storage;

/// <summary>A published head of the evidence chain as stored.</summary>
/// <param name="Date">Toronto date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Records">The last sequence number then.</param>
/// <param name="Head">That record's hash.</param>
/// <param name="TakenAtMs">When it was taken, Unix milliseconds.</param>
public sealed record StoredEvidenceHead(string Date, long Records, string Head, long TakenAtMs);
