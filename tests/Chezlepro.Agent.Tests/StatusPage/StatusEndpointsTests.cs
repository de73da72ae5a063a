using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chezlepro.Agent.Outbox;
using Xunit;

namespace Chezlepro.Agent.Tests.StatusPage;

[Trait("Category", "Integration")]
public class StatusEndpointsTests
{
    [Fact]
    public async Task GetRoot_Served_SelfContainedFrenchHtml()
    {
        var (app, baseAddress) = await FakeStatus.StartAsync(FakeStatus.GridLostState(), FakeStatus.Outbox(() => new OutboxStats(0, 0, null, 1, 0)), FakeStatus.Clock());
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = baseAddress };

        using var response = await http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Alertes actives", html, StringComparison.Ordinal);
        Assert.Contains("api/status", html, StringComparison.Ordinal);
        // Offline on the LAN: no asset from anywhere, and the browser is told to fetch none.
        Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*\"(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("<link|@import|url\\(", RegexOptions.IgnoreCase), html);
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApiStatus_GridLost_ReturnsStateWithOutboxAge()
    {
        var clock = FakeStatus.Clock();
        var (app, baseAddress) = await FakeStatus.StartAsync(FakeStatus.GridLostState(),
            FakeStatus.Outbox(() => new OutboxStats(37, 9000, FakeStatus.Now.AddMinutes(-6), 1300, 0)), clock);
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = baseAddress };

        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        var root = doc.RootElement;

        Assert.Equal("lanaudiere", root.GetProperty("site").GetString());
        Assert.False(root.GetProperty("brokerConnected").GetBoolean());
        Assert.Equal(37, root.GetProperty("outbox").GetProperty("depth").GetInt64());
        Assert.Equal(360, root.GetProperty("outboxOldestAgeSeconds").GetDouble());
        Assert.Equal("grid-lost", root.GetProperty("alerts")[0].GetProperty("id").GetString());
        Assert.Equal("warning", root.GetProperty("health")[0].GetProperty("status").GetString());
        var eg4 = root.GetProperty("sources")[1];
        Assert.Equal(900, eg4.GetProperty("lastDurationMs").GetDouble());
        Assert.Equal(10, eg4.GetProperty("intervalSeconds").GetDouble());
        Assert.Equal("2026-11-21T14:09:29.000Z", eg4.GetProperty("lastSuccessAt").GetString());
    }

    [Fact]
    public async Task GetMetrics_GridLost_PrometheusText()
    {
        var (app, baseAddress) = await FakeStatus.StartAsync(FakeStatus.GridLostState(),
            FakeStatus.Outbox(() => new OutboxStats(37, 9000, FakeStatus.Now.AddMinutes(-6), 1300, 5)), FakeStatus.Clock());
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = baseAddress };

        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chezlepro_outbox_depth 37\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_outbox_oldest_age_seconds 360\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_broker_connected 0\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_source_polls_total{source=\"eg4\",type=\"eg4-ll\",result=\"failure\"} 12\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_grid_available{metric=\"grid.available\"} 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllEndpoints_PasswordConfigured_NeverShown()
    {
        var (app, baseAddress) = await FakeStatus.StartAsync(FakeStatus.GridLostState(),
            FakeStatus.Outbox(() => new OutboxStats(1, 10, FakeStatus.Now, 2, 0)), FakeStatus.Clock());
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = baseAddress };

        foreach (var path in new[] { "/", "/api/status", "/metrics" })
        {
            var body = await http.GetStringAsync(path);
            Assert.DoesNotContain(FakeStatus.Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
