namespace Chezlepro.Health.Probes;

/// <summary>One service probe.</summary>
public sealed class ProbeOptions
{
    /// <summary>Kind.</summary>
    public ProbeKind Kind { get; init; }

    /// <summary>URL for HTTP(S) probes.</summary>
    public Uri? Url { get; init; }

    /// <summary>Host for TCP, SMTP and IMAP probes.</summary>
    public string? Host { get; init; }

    /// <summary>Port for TCP, SMTP and IMAP probes.</summary>
    public int Port { get; init; }

    /// <summary>Implicit TLS for SMTP (465) and IMAP (993).</summary>
    public bool Tls { get; init; }

    /// <summary>Expected HTTP status; null accepts any 2xx or 3xx (redirects are not followed).</summary>
    public int? ExpectStatus { get; init; }

    /// <summary>Text the HTTP body must contain (ordinal, case-sensitive); null skips the check.</summary>
    public string? Keyword { get; init; }

    /// <summary>Limit of one attempt. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failures before the check turns critical; earlier failures are warnings. Default 3 (Gatus).</summary>
    public int FailuresBeforeCritical { get; init; } = 3;

    /// <summary>Days of certificate validity left below which the check warns. Default 14.</summary>
    public int CertificateWarningDays { get; init; } = 14;

    /// <summary>PEM CA file trusted in addition to the system store (internal services).</summary>
    public string? CaFile { get; init; }
}
