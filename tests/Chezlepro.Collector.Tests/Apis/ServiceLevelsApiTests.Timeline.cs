using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary><c>GET /api/v1/availability/{service}/timeline</c>: the segments add up and give the SLA report's figure.</summary>
public sealed partial class ServiceLevelsApiTests
{
    private const string OctoberTimeline = "/api/v1/availability/mail/timeline?month=2026-10";

    [Fact]
    public async Task Timeline_FourHourOutageInOctober_SegmentsAddUpToTheMonthAndGiveTheSlaFigure()
    {
        await SeedOutageAsync(new DateTimeOffset(2026, 10, 10, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(4));
        using var reader = Client(Reader);
        var timeline = await reader.GetFromJsonAsync<JsonElement>(OctoberTimeline);
        var segments = timeline.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(744 * 3600m, segments.Sum(s => s.GetProperty("seconds").GetDecimal()));
        Assert.Equal(744 * 3600m, timeline.GetProperty("totals").GetProperty("totalSeconds").GetDecimal());
        Assert.Equal(["up", "down", "up"], segments.Select(s => s.GetProperty("kind").GetString()));
        var cause = segments[1].GetProperty("causes")[0];
        Assert.Equal(("critical", "probe.mail", "critical"),
            (cause.GetProperty("kind").GetString(), cause.GetProperty("check").GetProperty("check").GetString(), cause.GetProperty("status").GetString()));
        Assert.Equal(14400m, segments[1].GetProperty("seconds").GetDecimal());

        var sla = await reader.GetFromJsonAsync<JsonElement>("/api/v1/sla/2026-10");
        var contract = sla.GetProperty("contracts")[0];
        Assert.Equal(contract.GetProperty("availability").GetDecimal(), timeline.GetProperty("availability").GetDecimal());
        Assert.Equal(contract.GetProperty("exactAvailability").GetDecimal(), timeline.GetProperty("exactAvailability").GetDecimal());
        Assert.Equal(OctoberTimeline, contract.GetProperty("services")[0].GetProperty("timelineUrl").GetString());
        var link = await reader.GetAsync(contract.GetProperty("services")[0].GetProperty("timelineUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);

        var availability = await reader.GetFromJsonAsync<JsonElement>(
            $"/api/v1/availability?service=mail&from={timeline.GetProperty("from").GetString()}&to={timeline.GetProperty("to").GetString()}");
        Assert.Equal(availability[0].GetProperty("availability").GetDecimal(), timeline.GetProperty("availability").GetDecimal());
    }

    [Fact]
    public async Task Timeline_NoMonth_IsThisMonthSoFar()
    {
        var timeline = await Client(Reader).GetFromJsonAsync<JsonElement>("/api/v1/availability/mail/timeline");
        Assert.Equal("2026-11", timeline.GetProperty("month").GetString());
        Assert.False(timeline.GetProperty("complete").GetBoolean());
        Assert.Equal("future", timeline.GetProperty("segments").EnumerateArray().Last().GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("/api/v1/availability/nope/timeline?month=2026-10", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/availability/mail/timeline?month=2026-13", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/availability/mail/timeline?month=octobre", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/availability/mail/timeline?month=", HttpStatusCode.BadRequest)]
    public async Task Timeline_UnknownServiceOrBadMonth_404Or400(string url, HttpStatusCode expected)
    {
        var response = await Client(Reader).GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("yyyy-MM", body.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
            Assert.Contains("format aaaa-MM attendu", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        else Assert.Equal("Service inconnu / Unknown service", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Timeline_Roles_NoKey401_ReaderAndOperatorAllowed()
    {
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(OctoberTimeline)).StatusCode);
        using var wrong = Client("not-a-key-at-all-000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(OctoberTimeline)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(Reader).GetAsync(OctoberTimeline)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(Operator).GetAsync(OctoberTimeline)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Served_ListsTheTimelineRouteAndItsSchema()
    {
        var doc = await _factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/availability/{service}/timeline\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"ServiceMonthTimeline\"", doc, StringComparison.Ordinal);
    }
}
