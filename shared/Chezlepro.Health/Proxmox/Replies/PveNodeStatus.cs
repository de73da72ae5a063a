using System.Text.Json.Serialization;

namespace Chezlepro.Health.Proxmox.Replies;

/// <summary><c>GET /nodes/{node}/status</c> (reference §1.3); <c>loadavg</c> arrives as strings.</summary>
internal sealed class PveNodeStatus
{
    [JsonPropertyName("uptime")] public long? Uptime { get; set; }
    [JsonPropertyName("cpu")] public double? Cpu { get; set; }
    [JsonPropertyName("wait")] public double? Wait { get; set; }
    [JsonPropertyName("loadavg")] public double[]? LoadAverage { get; set; }
    [JsonPropertyName("memory")] public PveSpace? Memory { get; set; }
    [JsonPropertyName("rootfs")] public PveSpace? RootFs { get; set; }
    [JsonPropertyName("pveversion")] public string? PveVersion { get; set; }
}
