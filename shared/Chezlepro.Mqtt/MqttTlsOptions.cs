namespace Chezlepro.Mqtt;

/// <summary>
/// TLS settings (contract.md <c>Mqtt:Tls</c>). TLS 1.2 is the minimum; the server certificate is checked
/// against <see cref="CaFile"/> (or the system store) and its name against <see cref="TargetHost"/>.
/// </summary>
public sealed class MqttTlsOptions
{
    /// <summary>Turns TLS on (port 8883 by convention, §4.2).</summary>
    public bool Enabled { get; set; }

    /// <summary>PEM file of the CA(s) that sign the broker's certificate; null trusts the system store.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate for mutual TLS, or null for none.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="CertificateFile"/>; null when the key is in that file.</summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// SHA-256 of the broker certificate (DER), hex, colons allowed. With a <see cref="CaFile"/> or the system store
    /// the pin is checked in addition to the chain; with <see cref="PinOnly"/> the pin alone decides (self-signed broker).
    /// </summary>
    public string? PinnedSha256 { get; set; }

    /// <summary>Trust the certificate matching <see cref="PinnedSha256"/> without a chain check (self-signed broker); the name is still checked.</summary>
    public bool PinOnly { get; set; }

    /// <summary>Name the broker certificate must carry; null uses <see cref="MqttClientOptions.Host"/>.</summary>
    public string? TargetHost { get; set; }

    /// <summary>
    /// Accepts ANY server certificate. For a lab only: anyone on the path can then read and change the traffic.
    /// A warning is logged at every start.
    /// </summary>
    public bool SkipCertificateValidation { get; set; }
}
