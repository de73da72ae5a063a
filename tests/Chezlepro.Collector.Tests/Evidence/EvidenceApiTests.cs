using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Tests.Support;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

/// <summary>
/// The collector's own actions through the API land in the journal (acknowledgement with the caller's name, closed
/// month), and a client's bundle from the API verifies and holds nothing of the other client.
/// </summary>
public sealed class EvidenceApiTests : IAsyncLifetime
{
    private readonly TwoClientCollector _collector = new();

    public async Task InitializeAsync()
    {
        _ = _collector.Factory.Server;
        await _collector.SeedOutagesAsync();
    }

    public async Task DisposeAsync() => await _collector.DisposeAsync();

    [Fact]
    public async Task AckAndClose_Journaled_ClientBundleVerifies_OperatorTakesAHead()
    {
        using var op = _collector.Client(TwoClientCollector.Operator);
        using var alpha = _collector.Client(TwoClientCollector.ClientAlpha);
        var incidents = await op.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=all");
        foreach (var id in incidents.EnumerateArray().Select(i => i.GetProperty("id").GetString()!))
            Assert.Equal(HttpStatusCode.OK, (await op.PostAsync($"/api/v1/incidents/{id}/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync("/api/v1/sla/2026-10/close", null)).StatusCode);
        var head = await op.PostAsync("/api/v1/evidence/heads", null);
        Assert.Equal(HttpStatusCode.Created, head.StatusCode);

        var full = await op.GetStringAsync("/api/v1/evidence?format=jsonl");
        Assert.Contains("\"kind\":\"incident.acknowledged\"", full, StringComparison.Ordinal);
        Assert.Contains($"\"by\":\"{TwoClientCollector.OperatorName}\"", full, StringComparison.Ordinal);
        Assert.Contains("\"subject\":\"2026-10:OBNL Alpha\"", full, StringComparison.Ordinal);
        Assert.True(EvidenceBundleVerifier.Verify(full.Split('\n')).Ok);

        var mine = await alpha.GetStringAsync("/api/v1/evidence?client=OBNL%20Beta&format=jsonl");
        var verified = EvidenceBundleVerifier.Verify(mine.Split('\n'));
        Assert.True(verified.Ok, verified.Break?.Reason);
        Assert.True(verified.Records >= 2 && verified.Stubs >= 2, $"{verified.Records} records, {verified.Stubs} stubs");
        Assert.True(verified.Heads >= 1);
        foreach (var marker in TwoClientCollector.BetaMarkers) Assert.DoesNotContain(marker, mine, StringComparison.Ordinal);
        Assert.Contains("\"subject\":\"2026-10:OBNL Alpha\"", mine, StringComparison.Ordinal);

        var heads = await alpha.GetFromJsonAsync<JsonElement>("/api/v1/evidence/heads");
        Assert.True(heads.GetArrayLength() >= 1);
    }
}
