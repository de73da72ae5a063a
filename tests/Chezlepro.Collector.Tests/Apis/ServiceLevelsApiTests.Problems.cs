using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary>
/// Every refused parameter or body answers a problem document: <c>detail</c> in French (Québec typography), <c>detailEn</c>
/// in English (the text answered before issue 17) and, for validation, the English <c>problems</c>. In the expected
/// texts <c>~</c> stands for the no-break space (U+00A0).
/// </summary>
public sealed partial class ServiceLevelsApiTests
{
    private const string Invalid = "Requête invalide / Invalid request";

    [Theory]
    [InlineData("/api/v1/availability?from=hier", "from = «~hier~»~: pas une date-heure RFC~3339.", "from = 'hier': not an RFC 3339 time.")]
    [InlineData("/api/v1/availability?to=demain", "to = «~demain~»~: pas une date-heure RFC~3339.", "to = 'demain': not an RFC 3339 time.")]
    [InlineData("/api/v1/availability?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "«~to~» doit suivre «~from~».", "to must be after from.")]
    [InlineData("/api/v1/sla/2026-13", "month = «~2026-13~»~: format aaaa-MM attendu.", "month = '2026-13': use yyyy-MM.")]
    [InlineData("/api/v1/sla/2026-10?format=xml", "format = «~xml~»~: json ou csv.", "format = 'xml': json or csv.")]
    [InlineData("/api/v1/sla/2026-10?format=csv&lang=de", "lang = «~de~»~: fr ou en.", "lang = 'de': fr or en.")]
    public async Task BadParameter_400_FrenchDetail_EnglishDetailEnAndProblems(string url, string fr, string en)
    {
        var response = await Client(Reader).GetAsync(url);

        var body = await Problem(response, HttpStatusCode.BadRequest, Invalid);
        Assert.Equal(Nbsp(fr), body.GetProperty("detail").GetString());
        Assert.Equal(en, body.GetProperty("detailEn").GetString());
        Assert.Equal([en], body.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task CloseBadMonth_And_AlertsBadState_BothTexts()
    {
        var close = await Problem(await Client(Operator).PostAsync("/api/v1/sla/octobre/close", null), HttpStatusCode.BadRequest, Invalid);
        Assert.Equal(Nbsp("month = «~octobre~»~: format aaaa-MM attendu."), close.GetProperty("detail").GetString());
        Assert.Equal("month = 'octobre': use yyyy-MM.", close.GetProperty("detailEn").GetString());

        var alerts = await Problem(await Client(Reader).GetAsync("/api/v1/alerts?state=gone"), HttpStatusCode.BadRequest, "État inconnu / Unknown state");
        Assert.Equal(Nbsp("«~state~» doit valoir raised, cleared ou all"), alerts.GetProperty("detail").GetString());
        Assert.Equal("state must be raised, cleared or all", alerts.GetProperty("detailEn").GetString());
    }

    [Fact]
    public async Task Maintenance_BadBodies_EachProblemInBothLanguages()
    {
        using var op = Client(Operator);
        var missing = await Problem(await op.PostAsJsonAsync("/api/v1/maintenance", new { id = "mw-9", reason = "x" }), HttpStatusCode.BadRequest, Invalid);
        Assert.Equal(Nbsp("«~start~» et «~end~» sont requis."), missing.GetProperty("detail").GetString());
        Assert.Equal("start and end are required.", missing.GetProperty("detailEn").GetString());

        var start = _time.GetUtcNow().AddHours(1);
        var bad = await Problem(await op.PostAsJsonAsync("/api/v1/maintenance", new { id = "mw-2", start, end = start.AddHours(2), services = Nope, reason = " " }),
            HttpStatusCode.BadRequest, Invalid);
        Assert.Equal(Nbsp("services[0] = «~nope~»~: service inconnu.~; reason = «~ ~»~: une raison est requise."), bad.GetProperty("detail").GetString());
        Assert.Equal("services[0] = 'nope': Unknown service.; reason = ' ': A reason is required.", bad.GetProperty("detailEn").GetString());
        Assert.Equal(["services[0] = 'nope': Unknown service.", "reason = ' ': A reason is required."],
            bad.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));

        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync("/api/v1/maintenance", new { id = "mw-1", start, end = start.AddHours(2), services = MailOnly, reason = "r" })).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(90));
        var started = await Problem(await op.PostAsJsonAsync("/api/v1/maintenance", new { id = "mw-1", start, end = start.AddHours(3), services = MailOnly, reason = "r" }),
            HttpStatusCode.Conflict, "Fenêtre déjà commencée ou terminée / Window already started or over");
        Assert.EndsWith(Nbsp("la fenêtre a commencé~; on peut seulement la terminer plus tôt."), started.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("The window has started; it can only be ended early.", started.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
    }

    private static string Nbsp(string text) => text.Replace('~', '\u00a0');

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, body.GetProperty("title").GetString());
        return body;
    }
}
