using System.Globalization;
using System.Text.RegularExpressions;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>
/// A <c>proxmox-backup-client</c> repository, <c>&lt;auth-id&gt;@&lt;server&gt;[:&lt;port&gt;]:&lt;datastore&gt;</c>,
/// with an API token as auth id: the same token (secret in <c>PBS_PASSWORD</c>) reads the snapshot list through the
/// API and restores through the client, so a node holds one credential for both.
/// </summary>
public sealed partial record PbsRepository(string Text, string AuthId, string Host, int Port, string Datastore)
{
    /// <summary>proxmox-backup-proxy's port.</summary>
    public const int DefaultPort = 8007;

    [GeneratedRegex(@"^(?<auth>[^@\s!:]+@[^@\s!:]+![A-Za-z0-9][A-Za-z0-9._-]*)@(?<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::(?<port>[0-9]{1,5}))?:(?<store>[A-Za-z0-9_][A-Za-z0-9._-]*)$")]
    private static partial Regex Pattern();

    /// <summary>The API's base URL on the same server.</summary>
    public Uri ApiBaseUrl => new($"https://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Parses <paramref name="text"/>; null when it is not a token repository.</summary>
    public static PbsRepository? Parse(string? text)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
            return null;
        var port = DefaultPort;
        if (match.Groups["port"].Success && (!int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            return null;
        return new PbsRepository(text!, match.Groups["auth"].Value, match.Groups["host"].Value, port, match.Groups["store"].Value);
    }
}
