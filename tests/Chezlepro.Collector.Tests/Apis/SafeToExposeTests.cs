using System.Net;
using Chezlepro.Collector.Tests.Support;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary>Failed authentications rate-limited per address and counted in /metrics; security headers on HTML pages.</summary>
public sealed class SafeToExposeTests
{
    [Fact]
    public async Task FailedAuthentications_BeyondTheLimit_429EvenForAGoodKey_CountedInMetrics()
    {
        await using var collector = new TwoClientCollector(new Dictionary<string, string>
        {
            ["Api:AuthFailureLimit"] = "3", ["Api:AuthFailureWindow"] = "01:00:00", ["Api:ProtectMetrics"] = "false",
        });
        using var reader = collector.Client(TwoClientCollector.Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/rpo")).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            using var guess = collector.Client($"guessed-key-number-{i}-0123456789");
            Assert.Equal(HttpStatusCode.Unauthorized, (await guess.GetAsync("/api/v1/rpo")).StatusCode);
        }
        using (var guess = collector.Client("guessed-key-number-4-0123456789"))
            Assert.Equal(HttpStatusCode.TooManyRequests, (await guess.GetAsync("/api/v1/rpo")).StatusCode);
        // The limit is per address: the test server's one address is now blocked, whatever it presents.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reader.GetAsync("/api/v1/rpo")).StatusCode);
        var metrics = await collector.Client(null).GetStringAsync("/metrics");
        Assert.Contains("\nchezlepro_api_auth_failures_total 3\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlPage_CarriesCspFrameAncestorsNosniffReferrerPolicy_JsonCarriesNosniff()
    {
        await using var collector = new TwoClientCollector();
        using var client = collector.Client(TwoClientCollector.ClientAlpha);
        using var page = await client.GetAsync("/api/v1/sla/2026-10/report?contract=contrat-a");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));

        using var json = await client.GetAsync("/api/v1/rpo");
        Assert.Equal("nosniff", Assert.Single(json.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(json.Headers.Contains("Content-Security-Policy"));
    }
}
