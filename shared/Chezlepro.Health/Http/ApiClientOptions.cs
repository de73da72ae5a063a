namespace Chezlepro.Health.Http;

/// <summary>How to reach one PVE cluster or one PBS server.</summary>
public sealed class ApiClientOptions
{
    /// <summary>
    /// Base URLs, tried in order; a later one is used when an earlier one cannot be reached (another node
    /// of the same cluster answers for the whole cluster, reference §1.1). Example <c>https://pve1:8006</c>.
    /// </summary>
    public IReadOnlyList<Uri> BaseUrls { get; init; } = [];

    /// <summary>Token id, <c>&lt;user&gt;@&lt;realm&gt;!&lt;tokenid&gt;</c>.</summary>
    public string TokenId { get; init; } = "";

    /// <summary>Token secret. Never logged, never in a message.</summary>
    public string TokenSecret { get; init; } = "";

    /// <summary>
    /// SHA-256 fingerprints of accepted server certificates (<c>AB:CD:…</c>, colons and case ignored).
    /// When set, the chain is not checked: the pin is the trust decision, as PVE does for PBS storages.
    /// </summary>
    public IReadOnlyList<string> CertificateFingerprints { get; init; } = [];

    /// <summary>PEM file holding the CA that signs the servers (for example <c>pve-root-ca.pem</c>).</summary>
    public string? CaFile { get; init; }

    /// <summary>Timeout of one attempt, reply body included. Default 20 s (reference §5.5: 15–30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of a transient fault (connection reset, 502/503/504) on the same URL. Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First retry delay; doubled on each retry. Default 250 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest reply body accepted. Default 32 MiB.</summary>
    public int MaxReplyBytes { get; init; } = 32 * 1024 * 1024;
}
