using System.Text.Json.Serialization;

namespace Chezlepro.Health.Pbs.Replies;

/// <summary><c>gc-status</c> of a store, and one item of <c>GET /admin/gc</c> (PBS ≥ 3.2).</summary>
internal sealed class PbsGcStatus
{
    [JsonPropertyName("store")] public string? Store { get; set; }
    [JsonPropertyName("upid")] public string? Upid { get; set; }
    [JsonPropertyName("pending-bytes")] public long? PendingBytes { get; set; }
    [JsonPropertyName("removed-bytes")] public long? RemovedBytes { get; set; }
    [JsonPropertyName("still-bad")] public long? StillBad { get; set; }
    [JsonPropertyName("last-run-state")] public string? LastRunState { get; set; }
    [JsonPropertyName("last-run-endtime")] public long? LastRunEndTime { get; set; }
}
