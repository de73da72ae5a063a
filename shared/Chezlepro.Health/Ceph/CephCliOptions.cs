namespace Chezlepro.Health.Ceph;

/// <summary>How to run <c>ceph status</c> in CLI mode.</summary>
public sealed class CephCliOptions
{
    /// <summary>The ceph executable. Default <c>ceph</c>.</summary>
    public string Executable { get; init; } = "ceph";

    /// <summary>
    /// Passed as <c>--connect-timeout</c>: with monitors unreachable the CLI otherwise blocks about 300 s
    /// (reference §5.5). Default 10 s.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Client name (<c>--name</c>), for example <c>client.monitor</c>; null uses ceph's default.</summary>
    public string? ClientName { get; init; }

    /// <summary>Keyring file (<c>--keyring</c>); null uses ceph's default.</summary>
    public string? Keyring { get; init; }

    /// <summary>Configuration file (<c>--conf</c>); null uses <c>/etc/ceph/ceph.conf</c>.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The arguments of one status call.</summary>
    public IReadOnlyList<string> Arguments()
    {
        var args = new List<string> { "status", "--format", "json", "--connect-timeout", ((int)Math.Ceiling(ConnectTimeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (ClientName is { Length: > 0 }) args.AddRange(["--name", ClientName]);
        if (Keyring is { Length: > 0 }) args.AddRange(["--keyring", Keyring]);
        if (ConfigFile is { Length: > 0 }) args.AddRange(["--conf", ConfigFile]);
        return args;
    }
}
