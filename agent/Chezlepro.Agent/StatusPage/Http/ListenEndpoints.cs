using System.Globalization;
using System.Net;
using Chezlepro.Hosting.Configuration;

namespace Chezlepro.Agent.StatusPage.Http;

/// <summary>
/// Turns <c>StatusPage:Urls</c> (one or more <c>http://host:port</c>, separated by <c>;</c>, as contract.md shows)
/// into socket endpoints. Only plain HTTP on an IP literal, <c>localhost</c>, or a wildcard (<c>*</c>, <c>+</c>):
/// the page is read-only on the LAN, and a host name would hide which interface is exposed.
/// </summary>
internal static class ListenEndpoints
{
    /// <summary>Parses <paramref name="urls"/>; an empty list when the value is blank (page off).</summary>
    /// <param name="urls">The configured value.</param>
    /// <param name="problems">One message per bad entry, naming the key and the value.</param>
    public static IReadOnlyList<IPEndPoint> Parse(string? urls, out IReadOnlyList<string> problems)
    {
        var endpoints = new List<IPEndPoint>();
        var errors = new List<string>();
        problems = errors;
        if (string.IsNullOrWhiteSpace(urls)) return endpoints;
        foreach (var raw in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParseOne(raw, out var endpoint, out var why)) endpoints.Add(endpoint);
            else errors.Add($"StatusPage:Urls = '{raw}': {why}");
        }
        return endpoints;
    }

    private static bool TryParseOne(string raw, out IPEndPoint endpoint, out string why)
    {
        endpoint = new IPEndPoint(IPAddress.None, 0);
        const string prefix = "http://";
        if (!raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            why = raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? ValidationText.Of("https is not served by the agent; put a TLS proxy in front if the page must leave the LAN",
                    "l’agent ne sert pas https\u00a0; placez un mandataire TLS devant si la page doit sortir du réseau local")
                : ValidationText.Of("must start with http://", "doit commencer par http://");
            return false;
        }
        var rest = raw[prefix.Length..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || rest.Contains('/', StringComparison.Ordinal)
            || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            why = ValidationText.Of("expected http://<address>:<port> with a port of 1-65535 and no path",
                "attendu http://<adresse>:<port> avec un port de 1 à 65535 et sans chemin");
            return false;
        }
        var host = rest[..colon];
        IPAddress? address = host switch
        {
            "*" or "+" => IPAddress.IPv6Any,
            _ when host.Equals("localhost", StringComparison.OrdinalIgnoreCase) => IPAddress.Loopback,
            _ when host.StartsWith('[') && host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var v6) => v6,
            _ when host.Count(c => c == '.') == 3 && IPAddress.TryParse(host, out var v4) => v4,
            _ => null,
        };
        if (address is null)
        {
            why = ValidationText.Of("the address must be an IP literal, localhost, * or +", "l’adresse doit être une adresse IP littérale, localhost, * ou +");
            return false;
        }
        endpoint = new IPEndPoint(address, port);
        why = "";
        return true;
    }
}
