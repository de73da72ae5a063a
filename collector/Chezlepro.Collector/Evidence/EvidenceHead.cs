namespace Chezlepro.Collector.Evidence;

/// <summary>The head of the chain at the end of a Toronto day (or when asked for): what a copy outside the collector pins.</summary>
/// <param name="Date">The Toronto date the head closes (the day before, for the head taken at midnight).</param>
/// <param name="Records">The sequence number of the last record then (records 1..Records, pruned ones included).</param>
/// <param name="Head">That record's hash, or the genesis value for an empty journal.</param>
/// <param name="TakenAt">When the head was taken.</param>
public sealed record EvidenceHead(DateOnly Date, long Records, string Head, DateTimeOffset TakenAt);
