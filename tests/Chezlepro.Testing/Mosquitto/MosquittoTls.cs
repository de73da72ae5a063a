namespace Chezlepro.Testing.Mosquitto;

/// <summary>
/// Turns the broker's one listener (<see cref="MosquittoBroker.Port"/>) into a TLS listener, so no plain listener
/// exists at all (mqtt-sla.md §2.5). With <see cref="RequireCertificate"/> and <see cref="UseIdentityAsUsername"/>
/// it is the production "certificate mode": the client certificate's CN is the user name.
/// </summary>
public sealed class MosquittoTls
{
    /// <summary>PEM of the CA that signs the client certificates (and, here, the broker's).</summary>
    public required string CaFile { get; init; }

    /// <summary>PEM of the broker certificate.</summary>
    public required string CertificateFile { get; init; }

    /// <summary>PEM of the broker key.</summary>
    public required string KeyFile { get; init; }

    /// <summary>Refuse clients without a certificate signed by <see cref="CaFile"/> (mutual TLS).</summary>
    public bool RequireCertificate { get; init; } = true;

    /// <summary>The client certificate's CN becomes the user name (no password needed).</summary>
    public bool UseIdentityAsUsername { get; init; } = true;
}
