namespace Chezlepro.Collector.Storage;

/// <summary>One stored health result as received: its node, check, capture time and raw JSON.</summary>
/// <param name="Site">Site.</param>
/// <param name="Node">Node.</param>
/// <param name="Check">Check name.</param>
/// <param name="Ts">Capture time.</param>
/// <param name="Payload">The message's JSON.</param>
public sealed record StoredHealthResult(string Site, string Node, string Check, DateTimeOffset Ts, string Payload);
