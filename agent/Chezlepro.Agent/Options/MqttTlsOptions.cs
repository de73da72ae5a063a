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
}
