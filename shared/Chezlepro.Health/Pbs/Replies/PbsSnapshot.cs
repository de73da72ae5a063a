using System.Text.Json.Serialization;

namespace Chezlepro.Health.Pbs.Replies;

/// <summary>One item of <c>GET /admin/datastore/{store}/snapshots</c> (reference §2.2, SnapshotListItem).</summary>
internal sealed class PbsSnapshot
{
    [JsonPropertyName("backup-type")] public string? BackupType { get; set; }
    [JsonPropertyName("backup-id")] public string? BackupId { get; set; }
    [JsonPropertyName("backup-time")] public long? BackupTime { get; set; }
    [JsonPropertyName("size")] public long? Size { get; set; }
    [JsonPropertyName("files")] public List<PbsSnapshotFile>? Files { get; set; }
    [JsonPropertyName("verification")] public PbsVerification? Verification { get; set; }
    [JsonPropertyName("protected")] public bool? Protected { get; set; }

    /// <summary>
    /// Finished: the manifest exists. A running backup is listed without size and without
    /// <c>index.json.blob</c> and must not count as a restore point (reference §5.13).
    /// </summary>
    public bool IsFinished => Size is not null || (Files?.Exists(f => f.Filename == "index.json.blob") ?? false);
}
