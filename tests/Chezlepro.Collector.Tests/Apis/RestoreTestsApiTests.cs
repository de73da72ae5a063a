using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.RestoreTests;
using Chezlepro.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary>
/// Restore tests through the API: a client's request recorded with the caller's name and journaled, counted once
/// against the year's allowance, the scheduled ones listed with it, a client seeing only its own, bad bodies answered
/// in French and English.
/// </summary>
public sealed class RestoreTestsApiTests : IAsyncLifetime
{
    private readonly InMemoryEvidenceJournal _journal = new();
    private TwoClientCollector _collector = null!;

    public Task InitializeAsync()
    {
        _collector = new TwoClientCollector(services: s => s.AddSingleton<IEvidenceJournal>(_journal));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _collector.DisposeAsync();

    private static object AlphaRequest => new
    {
        client = "OBNL Alpha", guest = "vm-101", requestedAt = "2026-11-02T15:00:00Z", startedAt = "2026-11-03T14:00:00-05:00", durationSeconds = 754.25,
        outcome = "ok", snapshot = "vm/101/2026-11-02T02:00:00Z", notes = "Dossier comptable de mars",
    };

    [Fact]
    public async Task Request_RecordedWithTheKeysName_JournaledOnce_CountedOnce_AllowancePerClient()
    {
        using var op = _collector.Client(TwoClientCollector.Operator);
        using var posted = await op.PostAsJsonAsync("/api/v1/restore-tests", AlphaRequest);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var test = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("request", TwoClientCollector.OperatorName, "mail-a", "2026-11-03T19:00:00.000Z"),
            (test.GetProperty("origin").GetString(), test.GetProperty("by").GetString(), test.GetProperty("service").GetString(), test.GetProperty("startedAt").GetString()));
        // Posted twice (a retry): the same test, not a second one used.
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync("/api/v1/restore-tests", AlphaRequest)).StatusCode);

        var record = _journal.Records[0];
        Assert.Equal((EvidenceKinds.RestoreTest, "OBNL Alpha", "request:OBNL Alpha:vm-101"), (record.Kind, record.Client, record.Subject));
        Assert.Equal(("request", TwoClientCollector.OperatorName, "2026-11-02T15:00:00.000Z", 754.25),
            (record.Data["origin"]!.GetValue<string>(), record.Data["by"]!.GetValue<string>(), record.Data["requestedAt"]!.GetValue<string>(),
                record.Data["durationSeconds"]!.GetValue<double>()));

        using var reader = _collector.Client(TwoClientCollector.Reader);
        var list = await reader.GetFromJsonAsync<JsonElement>("/api/v1/restore-tests");
        Assert.Equal(2026, list.GetProperty("year").GetInt32());
        var only = Assert.Single(list.GetProperty("tests").EnumerateArray());
        Assert.Equal(
            ["origin", "client", "guest", "service", "name", "snapshot", "archive", "bytes", "durationSeconds", "outcome", "startedAt", "requestedAt", "by"],
            only.EnumerateObject().Select(p => p.Name));
        Assert.Equal([("OBNL Alpha", 3, 1, 2), ("OBNL Beta", 3, 0, 3)], list.GetProperty("allowance").EnumerateArray()
            .Select(a => (a.GetProperty("client").GetString(), a.GetProperty("included").GetInt32(), a.GetProperty("used").GetInt32(), a.GetProperty("left").GetInt32())));
        var lastYear = await reader.GetFromJsonAsync<JsonElement>("/api/v1/restore-tests?year=2025");
        Assert.Empty(lastYear.GetProperty("tests").EnumerateArray());
        Assert.Equal(0, lastYear.GetProperty("allowance")[0].GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task Client_SeesItsTestsAndItsAllowanceOnly_ScheduledOnesIncluded()
    {
        var store = _collector.Factory.Services.GetRequiredService<IRestoreTestStore>();
        var start = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        await store.AddAsync(new RestoreTest(RestoreTestOrigins.Schedule, "OBNL Beta", "vm-202", "erp-b", "erp-db", null, "db.img", 10, 3, RestoreOutcomes.Failed,
            start, null, null, null) { Site = "ovh", Node = "pbs1" }, default);
        await store.AddAsync(new RestoreTest(RestoreTestOrigins.Schedule, "OBNL Alpha", "vm-101", "mail-a", "mail-files", null, "mail.pxar", 20, 4, RestoreOutcomes.Ok,
            start, null, null, null) { Site = "ovh", Node = "pbs1" }, default);
        using var op = _collector.Client(TwoClientCollector.Operator);
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync("/api/v1/restore-tests", new
        {
            client = "OBNL Beta", guest = "vm-202", requestedAt = "2026-11-01T12:00:00Z", startedAt = "2026-11-01T13:00:00Z", durationSeconds = 60, outcome = "timeout",
        })).StatusCode);

        using var alpha = _collector.Client(TwoClientCollector.ClientAlpha);
        var body = await alpha.GetStringAsync("/api/v1/restore-tests");
        foreach (var marker in TwoClientCollector.BetaMarkers) Assert.DoesNotContain(marker, body, StringComparison.Ordinal);
        var seen = JsonDocument.Parse(body).RootElement;
        Assert.Equal("mail-files", Assert.Single(seen.GetProperty("tests").EnumerateArray()).GetProperty("name").GetString());
        var line = Assert.Single(seen.GetProperty("allowance").EnumerateArray());
        Assert.Equal(("OBNL Alpha", 0, 3), (line.GetProperty("client").GetString(), line.GetProperty("used").GetInt32(), line.GetProperty("left").GetInt32()));

        using var reader = _collector.Client(TwoClientCollector.Reader);
        var all = await reader.GetFromJsonAsync<JsonElement>("/api/v1/restore-tests");
        Assert.Equal(["request", "schedule", "schedule"], all.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("origin").GetString()));
        Assert.Equal(1, all.GetProperty("allowance")[1].GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task BadBody_ProblemInFrenchAndEnglish_NothingStored_WrongRolesRefused_BadYear400()
    {
        using var op = _collector.Client(TwoClientCollector.Operator);
        using var bad = await op.PostAsJsonAsync("/api/v1/restore-tests", new
        {
            client = "OBNL Alpha", guest = "vm-202", requestedAt = "hier", startedAt = "2026-11-01T12:00:00", durationSeconds = -1, outcome = "bof",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var fr = problem.GetProperty("detail").GetString();
        var en = problem.GetProperty("detailEn").GetString();
        Assert.Contains("guest = 'vm-202' : pas un invité des services de OBNL Alpha", fr, StringComparison.Ordinal);
        Assert.Contains("requestedAt = 'hier': required, an RFC 3339 time", en, StringComparison.Ordinal);
        Assert.Contains("startedAt = '2026-11-01T12:00:00': required", en, StringComparison.Ordinal);
        Assert.Contains("durationSeconds = '-1'", en, StringComparison.Ordinal);
        Assert.Contains("outcome = 'bof': expected one of ok, mismatch, failed, timeout", en, StringComparison.Ordinal);
        using var future = await op.PostAsJsonAsync("/api/v1/restore-tests", new
        {
            client = "OBNL Nobody", guest = "vm-101", requestedAt = "2026-11-21T13:00:00Z", startedAt = "2026-11-22T12:00:00Z", durationSeconds = 1, outcome = "ok",
        });
        var futureText = (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detailEn").GetString();
        Assert.Contains("client = 'OBNL Nobody': no contract", futureText, StringComparison.Ordinal);
        Assert.Contains("startedAt = '2026-11-22T12:00:00Z': in the future", futureText, StringComparison.Ordinal);
        Assert.Empty(_journal.Records);

        using var reader = _collector.Client(TwoClientCollector.Reader);
        Assert.Empty((await reader.GetFromJsonAsync<JsonElement>("/api/v1/restore-tests")).GetProperty("tests").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/restore-tests", AlphaRequest)).StatusCode);
        using var alpha = _collector.Client(TwoClientCollector.ClientAlpha);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.PostAsJsonAsync("/api/v1/restore-tests", AlphaRequest)).StatusCode);
        foreach (var year in new[] { "26", "abcd", "1999", "+2026" })
            Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync($"/api/v1/restore-tests?year={year}")).StatusCode);
    }
}
