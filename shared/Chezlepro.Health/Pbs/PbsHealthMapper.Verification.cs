using System.Globalization;
using System.Text.Json.Nodes;
using Chezlepro.Health.Pbs.Replies;

namespace Chezlepro.Health.Pbs;

internal static partial class PbsHealthMapper
{
    /// <summary>
    /// <c>verifySnapshot</c>, <c>verifyState</c> and <c>verifiedAt</c>: the newest finished snapshot that carries a
    /// verification (the collector journals one "backup verified" per snapshot, so these names are a contract). With
    /// none verified, the state is <c>none</c> and the snapshot is the newest finished one, the one still unverified.
    /// </summary>
    private static void MapVerification(List<(string Store, string Ns, PbsSnapshot Snapshot)> finishedNewestFirst, JsonObject details)
    {
        // Only ok and failed are verification states (reference §2.2); anything else is read as never verified.
        var verified = finishedNewestFirst.FirstOrDefault(i => i.Snapshot.Verification?.State is "ok" or "failed").Snapshot;
        var snapshot = verified ?? finishedNewestFirst.FirstOrDefault().Snapshot;
        if (snapshot is null)
            return;
        details["verifySnapshot"] = SnapshotPath(snapshot.BackupType!, snapshot.BackupId!, snapshot.BackupTime!.Value);
        details["verifyState"] = verified?.Verification!.State ?? "none";
        if (verified is not null && UpidStart(verified.Verification!.Upid) is { } at)
            details["verifiedAt"] = Epoch(at);
    }

    /// <summary>A snapshot as PBS and <c>proxmox-backup-client</c> name it: <c>vm/101/2026-11-21T11:00:00Z</c>.</summary>
    public static string SnapshotPath(string type, string id, long backupTime) =>
        $"{type}/{id}/{DateTimeOffset.FromUnixTimeSeconds(backupTime).ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Start time of a PBS task from its UPID, <c>UPID:node:pid:pstart:task_id:starttime:type:worker_id:authid:</c>
    /// with hex fields (reference §2.2, one field more than PVE's). The snapshot list gives no other verification time.
    /// </summary>
    internal static long? UpidStart(string? upid)
    {
        var parts = upid?.Split(':');
        if (parts is null || parts.Length < 10 || parts[0] != "UPID")
            return null;
        return long.TryParse(parts[5], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start) && start is > 0 and < 253402300800
            ? start : null;
    }
}
