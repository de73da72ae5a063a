namespace Chezlepro.Agent.Options;

/// <summary>The <c>Mqtt:Tls</c> section.</summary>
public sealed class MqttTlsOptions
{
    /// <summary>Connect over TLS.</summary>
    public bool Enabled { get; set; }

    /// <summary>CA certificate (PEM) that signed the broker's certificate; null uses the system store.</summary>
    public string? CaFile { get; set; }

    /// <summary>Client certificate (PEM) for mutual TLS.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Client key (PEM) for mutual TLS.</summary>
    public string? KeyFile { get; set; }

    /// <summary>SHA-256 fingerprint of the broker certificate to pin (hex, colons allowed), in addition to the CA check.</summary>
    public string? PinnedSha256 { get; set; }

    /// <summary>Name expected in the broker certificate when it differs from <c>Mqtt:Host</c>.</summary>
    public string? TargetHost { get; set; }
}
