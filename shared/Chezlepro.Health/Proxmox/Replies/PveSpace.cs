using System.Text.Json.Serialization;

namespace Chezlepro.Health.Proxmox.Replies;

/// <summary>A total/used pair as in <c>memory</c> and <c>rootfs</c> of node status.</summary>
internal sealed class PveSpace
{
    [JsonPropertyName("total")] public long? Total { get; set; }
    [JsonPropertyName("used")] public long? Used { get; set; }

    public double? UsedFraction => Total is > 0 && Used is { } u ? (double)u / Total.Value : null;
}
