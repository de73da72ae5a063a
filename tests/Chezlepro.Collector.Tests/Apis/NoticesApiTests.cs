using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary>
/// Notices and DR tests through the API: recorded with the caller's name, journalled per client, shown on the incident,
/// scoped for a client, bad bodies answered in French and English.
/// </summary>
public sealed class NoticesApiTests : IAsyncLifetime
{
    private const string MailIncident = "mail-a-20261010T080000Z";
    private readonly InMemoryEvidenceJournal _journal = new();
    private TwoClientCollector _collector = null!;

    public async Task InitializeAsync()
    {
        _collector = new TwoClientCollector(services: s => s.AddSingleton<IEvidenceJournal>(_journal));
        await _collector.SeedOutagesAsync();
    }

    public async Task DisposeAsync() => await _collector.DisposeAsync();

    [Fact]
    public async Task Notice_RecordedWithTheKeysName_Journalled_IncidentNoLongerLateOnceAllOwedAreSent()
    {
        using var reader = _collector.Client(TwoClientCollector.Reader);
        // Restored on Oct 10; on Nov 21 the resolution notice and the post-mortem are long overdue.
        var before = await Mail(reader);
        Assert.True(before.GetProperty("noticeLate").GetBoolean());
        Assert.Equal(["resolution", "postmortem"], before.GetProperty("lateNotices").EnumerateArray().Select(e => e.GetString()));

        using var op = _collector.Client(TwoClientCollector.Operator);
        using var posted = await op.PostAsJsonAsync($"/api/v1/incidents/{MailIncident}/notices",
            new { type = "resolution", channel = "email", sentAt = "2026-10-10T12:30:00Z", summary = "Courriel rétabli" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var notice = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TwoClientCollector.OperatorName, notice.GetProperty("author").GetString());

        var record = Assert.Single(_journal.Records);
        Assert.Equal((EvidenceKinds.IncidentNotice, "OBNL Alpha", MailIncident), (record.Kind, record.Client, record.Subject));
        Assert.Equal(TwoClientCollector.OperatorName, record.Data["author"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/v1/incidents/{MailIncident}/notices",
            new { type = "postmortem", channel = "portal" })).StatusCode);
        var after = await Mail(reader);
        Assert.False(after.GetProperty("noticeLate").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("noticeDueAt").ValueKind);
        Assert.Equal(2, after.GetProperty("noticesSent").GetInt32());

        var list = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{MailIncident}/notices");
        Assert.Equal(["resolution", "postmortem"], list.EnumerateArray().Select(n => n.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Notice_BadBody_ProblemInFrenchAndEnglish_UnknownIncident404_ReaderRefused()
    {
        using var op = _collector.Client(TwoClientCollector.Operator);
        using var bad = await op.PostAsJsonAsync($"/api/v1/incidents/{MailIncident}/notices", new { type = "fax", sentAt = "hier" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("type = 'fax' : attendu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("channel = ''", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("sentAt = 'hier': not an RFC 3339 time", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.Empty(_journal.Records);

        Assert.Equal(HttpStatusCode.NotFound, (await op.PostAsJsonAsync("/api/v1/incidents/mail-a-20200101T000000Z/notices",
            new { type = "first", channel = "email" })).StatusCode);
        using var reader = _collector.Client(TwoClientCollector.Reader);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/v1/incidents/{MailIncident}/notices",
            new { type = "first", channel = "email" })).StatusCode);
    }

    [Fact]
    public async Task Notices_Client_SeesItsIncidentsNotices_AnothersIsNotFound()
    {
        using var client = _collector.Client(TwoClientCollector.ClientAlpha);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/incidents/{MailIncident}/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/incidents/erp-b-20261010T080000Z/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/incidents/garbage/notices")).StatusCode);
    }

    [Fact]
    public async Task DrTest_MeasuredAgainstTargets_OneJournalRecordPerClient_ClientSeesOnlyItsServices()
    {
        using var op = _collector.Client(TwoClientCollector.Operator);
        using var posted = await op.PostAsJsonAsync("/api/v1/dr-tests", new
        {
            date = "2026-11-15", scenario = "Perte du site OVH", findings = "ERP restauré trop lentement",
            services = new object[] { new { service = "mail-a", rtoMinutes = 200, rpoMinutes = 45 }, new { service = "erp-b", rtoMinutes = 500, rpoMinutes = 60 } },
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var test = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(test.GetProperty("passed").GetBoolean());
        Assert.Equal(TwoClientCollector.OperatorName, test.GetProperty("author").GetString());

        var records = _journal.Records.Where(r => r.Kind == EvidenceKinds.DrTest).OrderBy(r => r.Client, StringComparer.Ordinal).ToList();
        Assert.Equal(["OBNL Alpha", "OBNL Beta"], records.Select(r => r.Client));
        Assert.DoesNotContain("erp-b", records[0].Data.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("mail-a", records[1].Data.ToJsonString(), StringComparison.Ordinal);

        using var client = _collector.Client(TwoClientCollector.ClientAlpha);
        var body = await client.GetStringAsync("/api/v1/dr-tests");
        foreach (var marker in TwoClientCollector.BetaMarkers) Assert.DoesNotContain(marker, body, StringComparison.Ordinal);
        var seen = JsonDocument.Parse(body).RootElement;
        var line = Assert.Single(Assert.Single(seen.GetProperty("tests").EnumerateArray()).GetProperty("services").EnumerateArray());
        Assert.True(line.GetProperty("rtoMet").GetBoolean());
        var status = Assert.Single(seen.GetProperty("services").EnumerateArray());
        Assert.Equal(("mail-a", "2027-11-15", false), (status.GetProperty("service").GetString(), status.GetProperty("nextDueBy").GetString(), status.GetProperty("due").GetBoolean()));

        using var reader = _collector.Client(TwoClientCollector.Reader);
        Assert.Contains("erp-b", await reader.GetStringAsync("/api/v1/dr-tests"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrTest_BadBody_ProblemInFrenchAndEnglish_NothingStored()
    {
        using var op = _collector.Client(TwoClientCollector.Operator);
        using var bad = await op.PostAsJsonAsync("/api/v1/dr-tests", new { date = "2026-11-15", services = new object[] { new { service = "erp-x" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("services[0].service = 'erp-x' : service inconnu du catalogue", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("scenario: required", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        using var reader = _collector.Client(TwoClientCollector.Reader);
        Assert.Empty((await reader.GetFromJsonAsync<JsonElement>("/api/v1/dr-tests")).GetProperty("tests").EnumerateArray());
    }

    private static async Task<JsonElement> Mail(HttpClient reader) =>
        (await reader.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=all")).EnumerateArray().Single(i => i.GetProperty("serviceId").GetString() == "mail-a");
}
