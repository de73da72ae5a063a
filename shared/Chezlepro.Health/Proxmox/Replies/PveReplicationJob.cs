using System.Text.Json.Serialization;

namespace Chezlepro.Health.Proxmox.Replies;

/// <summary>One job of <c>GET /nodes/{node}/replication</c> (reference §1.3).</summary>
internal sealed class PveReplicationJob
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("guest")] public long? Guest { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("target")] public string? Target { get; set; }
    [JsonPropertyName("last_sync")] public long? LastSync { get; set; }
    [JsonPropertyName("last_try")] public long? LastTry { get; set; }
    [JsonPropertyName("fail_count")] public long? FailCount { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("disable")] public bool? Disable { get; set; }
}
