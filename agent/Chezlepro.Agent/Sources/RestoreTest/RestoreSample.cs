namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>One configured sample (<c>Sources:n:Samples:m</c>): what to restore and how to check it.</summary>
/// <param name="Name">Sample name; the check is <c>restore.&lt;Name&gt;</c>.</param>
/// <param name="Repository">Where its backups are.</param>
/// <param name="Namespace">PBS namespace; empty for the root.</param>
/// <param name="GuestType">Backup type of the guest (<c>vm</c>, <c>ct</c>, <c>host</c>).</param>
/// <param name="GuestId">Backup id of the guest (<c>101</c>).</param>
/// <param name="Archive">Archive of the snapshot (<c>etc.pxar</c>, <c>root.pxar.didx</c>, <c>drive-scsi0.img.fidx</c>).</param>
/// <param name="Path">A file inside a restored pxar archive to check, relative; null checks the archive itself.</param>
/// <param name="ExpectedSha256">Expected SHA-256 (64 hex digits, lower case) of the checked file, when known.</param>
/// <param name="CheckCommand">An executable run with the restored path as its only argument; exit 0 means the sample is good.</param>
public sealed record RestoreSample(string Name, PbsRepository Repository, string Namespace, string GuestType, string GuestId,
    string Archive, string? Path, string? ExpectedSha256, string? CheckCommand)
{
    /// <summary>The <c>guest</c> detail: <c>vm-101</c>.</summary>
    public string Guest => $"{GuestType}-{GuestId}";

    /// <summary>The health check name.</summary>
    public string Check => "restore." + Name;

    /// <summary>A pxar archive restores as a directory tree; any other (an image, a blob) as one file.</summary>
    public bool IsTree => Archive.Contains(".pxar", StringComparison.Ordinal);

    /// <summary>The name the restore target gets in the scratch directory (the archive without its index suffix).</summary>
    public string TargetName => Archive.EndsWith(".didx", StringComparison.Ordinal) || Archive.EndsWith(".fidx", StringComparison.Ordinal)
        || Archive.EndsWith(".blob", StringComparison.Ordinal) ? Archive[..Archive.LastIndexOf('.')] : Archive;
}
