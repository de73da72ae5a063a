using System.Text.Json.Serialization;

namespace Chezlepro.Health.Pbs.Replies;

/// <summary>One store of <c>GET /status/datastore-usage</c> (reference §2.2).</summary>
internal sealed class PbsDatastoreUsage
{
    [JsonPropertyName("store")] public string? Store { get; set; }
    [JsonPropertyName("total")] public long? Total { get; set; }
    [JsonPropertyName("used")] public long? Used { get; set; }
    [JsonPropertyName("avail")] public long? Avail { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("estimated-full-date")] public long? EstimatedFullDate { get; set; }
    [JsonPropertyName("mount-status")] public string? MountStatus { get; set; }
    [JsonPropertyName("backend-type")] public string? BackendType { get; set; }
    [JsonPropertyName("gc-status")] public PbsGcStatus? GcStatus { get; set; }
}
