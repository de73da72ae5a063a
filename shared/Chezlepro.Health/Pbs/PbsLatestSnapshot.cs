namespace Chezlepro.Health.Pbs;

/// <summary>One finished snapshot, as <see cref="PbsSnapshotLookup"/> found it.</summary>
/// <param name="Path">As PBS and <c>proxmox-backup-client</c> name it: <c>vm/101/2026-11-21T11:00:00Z</c>.</param>
/// <param name="BackupTime">When the backup started.</param>
/// <param name="Files">Archive names of the manifest (<c>root.pxar.didx</c>, <c>drive-scsi0.img.fidx</c>) and their sizes when listed.</param>
public sealed record PbsLatestSnapshot(string Path, DateTimeOffset BackupTime, IReadOnlyDictionary<string, long?> Files);
