namespace Chezlepro.Health.Probes;

/// <summary>What a service probe checks.</summary>
public enum ProbeKind
{
    /// <summary>HTTP GET: status, optional body keyword, latency.</summary>
    Http,

    /// <summary>HTTPS GET: as <see cref="Http"/>, plus certificate validity and days left.</summary>
    Https,

    /// <summary>TCP connect.</summary>
    Tcp,

    /// <summary>SMTP banner (<c>220</c>); implicit TLS when <see cref="ProbeOptions.Tls"/> is set.</summary>
    Smtp,

    /// <summary>IMAP greeting (<c>* OK</c>); implicit TLS when <see cref="ProbeOptions.Tls"/> is set.</summary>
    Imap,
}
