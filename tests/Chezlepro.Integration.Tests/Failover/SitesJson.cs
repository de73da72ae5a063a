using System.Text.Json;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>Reads <c>GET /api/v1/sites</c> answers for the failover scenarios.</summary>
internal static class SitesJson
{
    public static int OnlineCount(string sitesJson)
    {
        using var doc = JsonDocument.Parse(sitesJson);
        return doc.RootElement.EnumerateArray().SelectMany(s => s.GetProperty("nodes").EnumerateArray()).Count(n => n.GetProperty("online").GetBoolean());
    }

    public static bool IsOnline(string sitesJson, string site)
    {
        using var doc = JsonDocument.Parse(sitesJson);
        return doc.RootElement.EnumerateArray().Where(s => s.GetProperty("site").GetString() == site)
            .SelectMany(s => s.GetProperty("nodes").EnumerateArray()).Any(n => n.GetProperty("online").GetBoolean());
    }

    public static async Task<bool> IsOnlineAsync(FailoverCollectorHost collector, string site) =>
        IsOnline(await collector.Http.GetStringAsync("/api/v1/sites"), site);

    public static async Task<int> OnlineCountAsync(FailoverCollectorHost collector) =>
        OnlineCount(await collector.Http.GetStringAsync("/api/v1/sites"));
}
