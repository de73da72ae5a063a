using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary><c>GET /api/v1/sla/{month}/report</c>: roles, parameters, the closed month's fingerprint, 503 without Chromium, OpenAPI.</summary>
public sealed class ClientReportApiTests : IAsyncLifetime
{
    private ReportMonth _month = null!;

    public async Task InitializeAsync() => _month = await ReportMonth.StartAsync(new Dictionary<string, string>
    {
        // A path to nothing: accepted at start-up (the package may come later), answered 503 per PDF request.
        ["Reports:ChromiumPath"] = "/nonexistent/chromium",
    });

    public async Task DisposeAsync() => await _month.DisposeAsync();

    [Fact]
    public async Task Roles_NoKeyOrUnknownKey401_ReaderAndOperatorAllowed()
    {
        using var anonymous = _month.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(ReportMonth.Url)).StatusCode);
        using var wrong = _month.Client("not-a-key-at-all-000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(ReportMonth.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _month.Client().GetAsync(ReportMonth.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _month.Client(ReportMonth.Operator).GetAsync(ReportMonth.Url)).StatusCode);
    }

    [Fact]
    public async Task Html_FrenchByDefault_EnglishOnRequest_SelfContainedType()
    {
        using var reader = _month.Client();
        var fr = await reader.GetAsync(ReportMonth.Url);
        Assert.Equal("text/html", fr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"fr-CA\">", await fr.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var en = await reader.GetStringAsync(ReportMonth.Url + "&lang=en&paper=a4");
        Assert.Contains("<html lang=\"en-CA\">", en, StringComparison.Ordinal);
        Assert.Contains("size: A4", en, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/sla/2026-13/report?contract=obnl-a", "yyyy-MM", "format aaaa-MM attendu")]
    [InlineData("/api/v1/sla/2026-10/report", "contract is required", "contract\u00a0» est requis (l’identifiant d’un contrat du catalogue)")]
    [InlineData("/api/v1/sla/2026-10/report?contract=obnl-a&format=docx", "html or pdf", "html ou pdf")]
    [InlineData("/api/v1/sla/2026-10/report?contract=obnl-a&lang=de", "fr or en", "fr ou en")]
    [InlineData("/api/v1/sla/2026-10/report?contract=obnl-a&paper=legal", "letter or a4", "letter ou a4")]
    public async Task BadParameter_400NamingIt_InFrenchAndEnglish(string url, string problem, string french)
    {
        var response = await _month.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem, body.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.Contains(french, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/sla/2026-10/report?contract=nope")]
    [InlineData("/api/v1/sla/2025-12/report?contract=obnl-a")]
    public async Task ContractNotInTheMonth_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _month.Client().GetAsync(url)).StatusCode);

    [Fact]
    public async Task Pdf_ChromiumPathToNothing_503NamingTheDebianPackage()
    {
        var response = await _month.Client().GetAsync(ReportMonth.Url + "&format=pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("chromium", problem.GetProperty("package").GetString());
        Assert.Contains("Installez le paquet Debian «\u00a0chromium\u00a0» (apt-get install chromium)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Install the Debian package 'chromium' (apt-get install chromium)", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        // The HTML needs no Chromium.
        Assert.Equal(HttpStatusCode.OK, (await _month.Client().GetAsync(ReportMonth.Url + "&format=html")).StatusCode);
    }

    [Fact]
    public async Task ClosedMonth_FrozenFiguresAndFingerprint_LateDataNoted()
    {
        using var reader = _month.Client();
        using var op = _month.Client(ReportMonth.Operator);
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync("/api/v1/sla/2026-10/close", null)).StatusCode);
        var frozen = Sha256(await reader.GetByteArrayAsync("/api/v1/sla/2026-10?format=csv"));

        var html = await reader.GetStringAsync(ReportMonth.Url);
        Assert.Contains($"id=\"fingerprint-value\">{frozen}<", html, StringComparison.Ordinal);
        Assert.Contains("Mois fermé : rapport figé", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"note warn\"", html, StringComparison.Ordinal);

        // Late data for October after the close: the periods (computed now) move, the frozen figures and fingerprint do not.
        var store = _month.Factory.Services.GetRequiredService<ICollectorStore>();
        await store.StoreBatchAsync([IngestItems.Of(new HealthResult
        {
            Site = "ovh", Node = "proxy1", Seq = 900_000, Ts = new DateTimeOffset(2026, 10, 10, 12, 0, 0, TimeSpan.Zero), Check = "probe.mail",
            Status = HealthStatus.Critical, Summary = "late",
        })], _month.Time.GetUtcNow(), default);
        var late = await reader.GetStringAsync(ReportMonth.Url);
        Assert.Contains("class=\"note warn\"", late, StringComparison.Ordinal);
        Assert.Contains($"id=\"fingerprint-value\">{frozen}<", late, StringComparison.Ordinal);
        Assert.Contains("98,250\u00a0%", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ListsTheReportRoute()
    {
        var doc = await _month.Factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/sla/{month}/report\"", doc, StringComparison.Ordinal);
        Assert.Contains("application/pdf", doc, StringComparison.Ordinal);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
