using Chezlepro.Health.Http;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>What the <c>restore-test</c> factory read from one entry (README.md in this folder lists the keys).</summary>
public sealed class RestoreTestSettings
{
    /// <summary>The <c>proxmox-backup-client</c> executable.</summary>
    public required string ClientPath { get; init; }

    /// <summary>Token secret, given to the client as <c>PBS_PASSWORD</c> and to the API as the token secret.</summary>
    public required string Password { get; init; }

    /// <summary>Pinned server certificate fingerprint (<c>PBS_FINGERPRINT</c>), or null for the system's trust.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Encryption key of client-side encrypted backups (<c>--keyfile</c>), or null for unencrypted ones.</summary>
    public string? KeyFile { get; init; }

    /// <summary>Password of a password-protected key file (<c>PBS_ENCRYPTION_PASSWORD</c>), or null.</summary>
    public string? KeyPassword { get; init; }

    /// <summary>The folder restores go to; the source owns it (0700, emptied before and after each restore).</summary>
    public required string ScratchDirectory { get; init; }

    /// <summary>Where the last run's time and results are kept across restarts.</summary>
    public required string StateFile { get; init; }

    /// <summary>Largest restore accepted, in bytes.</summary>
    public long MaxBytes { get; init; }

    /// <summary>Time limit of one sample's restore and check.</summary>
    public TimeSpan Timeout { get; init; }

    /// <summary>Time between two runs.</summary>
    public TimeSpan TestInterval { get; init; }

    /// <summary>Delay from start-up to the first run when none is due earlier (never at start-up itself).</summary>
    public TimeSpan FirstRunDelay { get; init; }

    /// <summary>The samples, in configuration order.</summary>
    public required IReadOnlyList<RestoreSample> Samples { get; init; }

    /// <summary>The API connection of a repository (same token, same pinned certificate).</summary>
    public ApiClientOptions Api(PbsRepository repository) => new()
    {
        BaseUrls = [repository.ApiBaseUrl],
        TokenId = repository.AuthId,
        TokenSecret = Password,
        CertificateFingerprints = Fingerprint is null ? [] : [Fingerprint],
        Timeout = TimeSpan.FromSeconds(30),
    };
}
