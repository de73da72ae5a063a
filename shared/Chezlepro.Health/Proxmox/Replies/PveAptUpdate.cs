using System.Text.Json.Serialization;

namespace Chezlepro.Health.Proxmox.Replies;

/// <summary>One package of <c>GET /nodes/{node}/apt/update</c> (needs Sys.Modify, so opt-in).</summary>
internal sealed class PveAptUpdate
{
    [JsonPropertyName("Package")] public string? Package { get; set; }
    [JsonPropertyName("Version")] public string? Version { get; set; }
    [JsonPropertyName("OldVersion")] public string? OldVersion { get; set; }
}
