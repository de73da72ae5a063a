using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Tests.Support;
using Xunit;

namespace Chezlepro.Collector.Tests.ClientView;

/// <summary>
/// <c>/client/</c> serves its page, script and style sheet from the assembly with no key, revalidated by ETag, under
/// a CSP of its own ('self' script, style and fetches) that no other page gets.
/// </summary>
public sealed class ClientViewEndpointsTests(ClientViewEndpointsTests.Collector fixture) : IClassFixture<ClientViewEndpointsTests.Collector>
{
    private readonly TwoClientCollector _collector = fixture.Instance;

    [Theory]
    [InlineData("/client/", "text/html")]
    [InlineData("/client/client.js", "text/javascript")]
    [InlineData("/client/client.css", "text/css")]
    public async Task Files_ServedWithoutKey_NoCacheETag_ThenNotModified(string path, string mediaType)
    {
        using var http = _collector.Client(null);
        using var first = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(mediaType, first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", first.Content.Headers.ContentType.CharSet);
        Assert.True(first.Headers.CacheControl!.NoCache, "the browser must revalidate, so an upgrade shows on the next visit");
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.NotEmpty(await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", Assert.Single(first.Headers.GetValues("X-Content-Type-Options")));

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\""));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Page_HasTheClientViewCsp_NoInlineScriptOrStyle_OtherPagesKeepTheirs()
    {
        using var http = _collector.Client(null);
        using var page = await http.GetAsync("/client/");
        Assert.Equal(SecurityHeaders.ClientViewContentSecurityPolicy, string.Join(";", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("script-src 'self'; style-src 'self'; connect-src 'self'", string.Join("; ",
            SecurityHeaders.ClientViewContentSecurityPolicy.Split("; ").Where(d => !d.EndsWith("'none'", StringComparison.Ordinal))));
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        var html = await page.Content.ReadAsStringAsync();
        // The CSP forbids inline code: the page must work without any.
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\bsrc=)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("<style|\\sstyle=|\\son[a-z]+=", RegexOptions.IgnoreCase), html);
        Assert.Contains("lang=\"fr-CA\"", html, StringComparison.Ordinal);

        using var client = _collector.Client(TwoClientCollector.ClientAlpha);
        using var report = await client.GetAsync("/api/v1/sla/2026-10/report?contract=contrat-a");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(";", report.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task WithoutTrailingSlash_Redirected_UnknownFileNotFound()
    {
        using var http = _collector.Client(null);
        using var noRedirect = _collector.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var bare = await noRedirect.GetAsync("/client");
        Assert.Equal("/client/", bare.Headers.Location!.OriginalString);
        foreach (var path in new[] { "/client/index.html", "/client/appsettings.json", "/client/..%2Fclient.js", "/client/CLIENT.JS" })
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
    }

    /// <summary>One collector for the class: starting one costs seconds, and these tests only read.</summary>
    public sealed class Collector : IAsyncLifetime
    {
        internal TwoClientCollector Instance { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Instance.DisposeAsync();
    }
}
