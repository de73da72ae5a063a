namespace Chezlepro.Hosting.Mqtt;

/// <summary>
/// The <c>Mqtt:Tls</c> section. Maps one to one onto the client's <see cref="Chezlepro.Mqtt.MqttTlsOptions"/>, except
/// that "accept any certificate" is not a configuration key: a lab may set it in code, an operator cannot by mistake.
/// </summary>
public sealed class BrokerTlsOptions
{
    /// <summary>Connect over TLS.</summary>
    public bool Enabled { get; set; }

    /// <summary>CA certificate(s) (PEM) that signed the broker's certificate; null uses the system store.</summary>
    public string? CaFile { get; set; }

    /// <summary>Client certificate (PEM) for mutual TLS.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Private key (PEM) of <see cref="CertificateFile"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>SHA-256 fingerprint of the broker certificate to pin (hex, colons allowed), in addition to the CA check.</summary>
    public string? PinnedSha256 { get; set; }

    /// <summary>Trust the certificate matching <see cref="PinnedSha256"/> without a chain check (self-signed broker).</summary>
    public bool PinOnly { get; set; }

    /// <summary>Name expected in the broker certificate when it differs from <c>Mqtt:Host</c>.</summary>
    public string? TargetHost { get; set; }
}
