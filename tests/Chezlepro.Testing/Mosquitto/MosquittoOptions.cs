namespace Chezlepro.Testing.Mosquitto;

/// <summary>How a test wants its private Mosquitto configured.</summary>
public sealed class MosquittoOptions
{
    /// <summary>Allow clients without credentials.</summary>
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>Users written to a password file with <c>mosquitto_passwd</c>.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>ACL file text, or null for none.</summary>
    public string? Acl { get; init; }

    /// <summary>Further configuration lines (for example <c>max_keepalive 10</c>).</summary>
    public IReadOnlyList<string> ExtraLines { get; init; } = [];

    /// <summary>When set, the broker's only listener speaks TLS (no plain listener at all).</summary>
    public MosquittoTls? Tls { get; init; }

    /// <summary>Extra listener blocks written verbatim (for example a TLS listener); each starts with <c>listener</c>.</summary>
    public IReadOnlyList<string> ExtraListeners { get; init; } = [];
}
