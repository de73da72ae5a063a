using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Contracts.Tests.Json;

/// <summary>Golden tests: the payload examples of contract.md, byte for byte where we write them.</summary>
public sealed class ContractJsonTests
{
    private static readonly DateTimeOffset Ts = new(2026, 11, 21, 14, 3, 10, 123, TimeSpan.Zero);

    [Fact]
    public void Telemetry_Serialize_MatchesContractExample()
    {
        var batch = new TelemetryBatch
        {
            Site = "lanaudiere", Node = "pve1", Seq = 1207, Ts = Ts, Source = "victron",
            Samples = [new Sample("battery.soc", 87.5, "%"), new Sample("grid.available", 1)],
        };
        Assert.Equal(
            """{"source":"victron","samples":[{"metric":"battery.soc","value":87.5,"unit":"%"},{"metric":"grid.available","value":1}],"schema":1,"site":"lanaudiere","node":"pve1","seq":1207,"ts":"2026-11-21T14:03:10.123Z"}""",
            JsonSerializer.Serialize(batch, ContractJsonContext.Default.TelemetryBatch));
    }

    [Fact]
    public void Health_ContractExample_Deserializes()
    {
        const string json = """
            {"schema":1,"site":"lanaudiere","node":"pve1","seq":1208,"ts":"2026-11-21T14:03:10.200Z","check":"ceph",
             "status":"warning","summary":"HEALTH_WARN: 1 osds down","details":{"numOsds":6,"numUpOsds":5}}
            """;
        var h = JsonSerializer.Deserialize(json, ContractJsonContext.Default.HealthResult)!;
        Assert.Equal(HealthStatus.Warning, h.Status);
        Assert.Equal(1208, h.Seq);
        Assert.Equal(5, h.Details!["numUpOsds"]!.GetValue<int>());
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 14, 3, 10, 200, TimeSpan.Zero), h.Ts);
    }

    [Fact]
    public void Alert_ContractExample_RoundTrips()
    {
        const string json = """
            {"schema":1,"site":"lanaudiere","node":"pve1","seq":1209,"ts":"2026-11-21T14:03:10.300Z",
             "alert":{"id":"grid-lost","state":"raised","priority":"P2","source":"victron",
                      "summary":"Panne du réseau électrique — sur batterie","summaryEn":"Grid lost, running on battery"}}
            """;
        var a = JsonSerializer.Deserialize(json, ContractJsonContext.Default.AlertEvent)!;
        Assert.Equal((AlertState.Raised, Priority.P2), (a.Alert.State, a.Alert.Priority));
        var again = JsonNode.Parse(JsonSerializer.Serialize(a, ContractJsonContext.Default.AlertEvent))!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), again));
    }

    [Fact]
    public void Status_Birth_HasNoSeqAndWritesUtcMilliseconds()
    {
        var json = JsonSerializer.Serialize(new StatusMessage
        {
            Site = "s", Node = "n", Online = true, Session = 42, Ts = new DateTimeOffset(2026, 11, 21, 9, 3, 10, 123, TimeSpan.FromHours(-5)),
        }, ContractJsonContext.Default.StatusMessage);
        Assert.DoesNotContain("seq", json, StringComparison.Ordinal);
        Assert.Contains("\"ts\":\"2026-11-21T14:03:10.123Z\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("reason", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2026-11-21T14:03:10\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("12345")]
    [InlineData("\"2026-13-40T99:03:10.000Z\"")]
    public void Timestamp_WithoutOffsetOrGarbage_Rejected(string ts)
    {
        var json = "{\"schema\":1,\"site\":\"s\",\"node\":\"n\",\"online\":true,\"session\":1,\"ts\":" + ts + "}";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractJsonContext.Default.StatusMessage));
    }

    [Theory]
    [InlineData("{\"schema\":1,\"site\":\"s\",\"node\":\"n\",\"seq\":1,\"ts\":\"2026-11-21T14:03:10.123Z\",\"check\":\"c\",\"status\":\"broken\"}")]
    [InlineData("{\"schema\":1,\"site\":\"s\",\"node\":\"n\",\"seq\":1,\"ts\":\"2026-11-21T14:03:10.123Z\",\"status\":\"ok\"}")]
    [InlineData("{\"schema\":1,\"site\":\"s\",\"node\":\"n\",\"seq\":1,\"ts\":\"2026-11-21T14:03:10.123Z\",\"check\":\"c\",\"status\":\"ok\",\"details\":[1]}")]
    [InlineData("{\"schema\":1,\"site\":")]
    [InlineData("[]")]
    public void Health_BadShape_JsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), ContractJsonContext.Default.HealthResult));

    [Fact]
    public void Deserialize_DeeplyNestedDetails_RejectedByDepthLimit()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        var json = "{\"schema\":1,\"site\":\"s\",\"node\":\"n\",\"seq\":1,\"ts\":\"2026-11-21T14:03:10.123Z\",\"check\":\"c\",\"status\":\"ok\",\"details\":" + deep + "}";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractJsonContext.Default.HealthResult));
    }

    [Fact]
    public void HealthResult_SummaryEn_OptionalBothWays()
    {
        const string bilingual = """{"schema":1,"site":"s","node":"n","seq":1,"ts":"2026-11-21T14:03:10.123Z","check":"pbs.backup.vm-100","status":"ok","summary":"vm-100\u00a0: dernière sauvegarde valide il y a 3\u00a0h","summaryEn":"vm-100: last good backup 3 h ago"}""";
        var h = JsonSerializer.Deserialize(bilingual, ContractJsonContext.Default.HealthResult)!;
        Assert.Equal("vm-100\u00a0: dernière sauvegarde valide il y a 3\u00a0h", h.Summary);
        Assert.Equal("vm-100: last good backup 3 h ago", h.SummaryEn);
        // An older agent sends no summaryEn; a result without one is written without it.
        var old = JsonSerializer.Deserialize("""{"schema":1,"site":"s","node":"n","seq":1,"ts":"2026-11-21T14:03:10.123Z","check":"c","status":"ok","summary":"x"}""",
            ContractJsonContext.Default.HealthResult)!;
        Assert.Null(old.SummaryEn);
        Assert.DoesNotContain("summaryEn", JsonSerializer.Serialize(old, ContractJsonContext.Default.HealthResult), StringComparison.Ordinal);
    }

    [Fact]
    public void DeliveryAck_ContractExample_RoundTrips()
    {
        const string json = """{"schema":1,"site":"lanaudiere","node":"pve1","collector":"ovh","through":1207,"ts":"2026-11-21T14:03:11.000Z"}""";
        var ack = JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeliveryAck)!;
        Assert.Equal(1207, ack.Through);
        Assert.Equal("ovh", ack.Collector);
        Assert.Equal(json, JsonSerializer.Serialize(ack, ContractJsonContext.Default.DeliveryAck));
    }

    [Fact]
    public void GapsNotice_ContractExample_Deserializes()
    {
        const string json = """
            {"schema":1,"site":"lanaudiere","node":"pve1","seq":1300,"ts":"2026-11-21T15:00:00.000Z",
             "evicted":{"from":1210,"to":1250,"count":41,"reason":"bytes"}}
            """;
        var gaps = JsonSerializer.Deserialize(json, ContractJsonContext.Default.GapsNotice)!;
        Assert.Equal(1300, gaps.Seq);
        Assert.Equal(new EvictedRange { From = 1210, To = 1250, Count = 41, Reason = EvictedRange.ReasonBytes }, gaps.Evicted);
    }

    [Fact]
    public void GapsNotice_WithoutEvicted_Refused()
    {
        const string json = """{"schema":1,"site":"lanaudiere","node":"pve1","seq":1300,"ts":"2026-11-21T15:00:00.000Z"}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractJsonContext.Default.GapsNotice));
    }

    [Fact]
    public void GapsNotice_WithRanges_ListsTheEvictedRuns()
    {
        const string json = """
            {"schema":1,"site":"lanaudiere","node":"pve1","seq":1300,"ts":"2026-11-21T15:00:00.000Z",
             "evicted":{"from":1210,"to":1250,"count":39,"reason":"age","ranges":[{"from":1210,"to":1214},{"from":1217,"to":1250}]}}
            """;
        var gaps = JsonSerializer.Deserialize(json, ContractJsonContext.Default.GapsNotice)!;
        Assert.Equal([new SeqSpan(1210, 1214), new SeqSpan(1217, 1250)], gaps.Evicted.Ranges);
    }
}
