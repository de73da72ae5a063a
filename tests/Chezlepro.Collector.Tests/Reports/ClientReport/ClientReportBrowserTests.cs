using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Testing.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary>
/// The HTML report in the system Chromium (Playwright), laid out for print at the content width of A4 and of Letter:
/// every section there, no table or cell wider than the page, nothing fetched, no script run, and the figures a
/// reader sees are the JSON report's.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ClientReportBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ReportMonth _month = null!;

    public async Task InitializeAsync() => _month = await ReportMonth.StartAsync();

    public async Task DisposeAsync() => await _month.DisposeAsync();

    // Content width = paper width − 2 × 12 mm (ReportStyles.Margin), in CSS pixels (96 per inch).
    [Theory]
    [InlineData("a4", 210.0)]
    [InlineData("letter", 215.9)]
    public async Task Html_PrintLayout_EverySectionNoClippedTableJsonFigures(string paper, double paperMm)
    {
        using var reader = _month.Client();
        var html = await reader.GetStringAsync(ReportMonth.Url + "&paper=" + paper);
        var contract = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/sla/2026-10")).GetProperty("contracts")[0];
        var width = (int)Math.Floor((paperMm - 24) / 25.4 * 96);

        using var playwright = await SystemChromium.StartPlaywrightAsync();
        await using var browser = await SystemChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 1200 } });
        var fetched = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            fetched.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var dialogs = 0;
        page.Dialog += (_, d) => dialogs++;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.SetContentAsync(html);

        foreach (var id in new[] { "header", "availability", "periods", "incidents", "rpo", "credit", "fingerprint" })
            Assert.True(await page.IsVisibleAsync("#" + id), $"section #{id} is not shown");
        var overflow = await page.EvaluateAsync<string[]>("""
            () => {
              const page = document.documentElement.clientWidth;
              const bad = [];
              for (const t of document.querySelectorAll('table')) {
                const r = t.getBoundingClientRect();
                if (r.right > page + 0.5 || r.left < -0.5) bad.push(`table ${t.id || t.className}: ${r.left}..${r.right} of ${page}`);
                for (const c of t.querySelectorAll('th, td'))
                  if (c.scrollWidth > c.clientWidth + 1) bad.push(`cell "${c.textContent}" of ${t.id || t.className}: ${c.scrollWidth} > ${c.clientWidth}`);
              }
              if (document.documentElement.scrollWidth > page) bad.push(`page scrolls: ${document.documentElement.scrollWidth} > ${page}`);
              return bad;
            }
            """);
        Assert.Empty(overflow);

        var shown = await page.TextContentAsync("#contract-row td[data-availability]");
        Assert.Equal(contract.GetProperty("availability").GetDecimal(), FrenchNumber(shown));
        var service = await page.TextContentAsync("tr[data-service=mail] td[data-availability]");
        Assert.Equal(contract.GetProperty("services")[0].GetProperty("availability").GetProperty("percent").GetDecimal(), FrenchNumber(service));
        var amount = await page.GetAttributeAsync("#credit-amount", "data-amount");
        Assert.Equal(contract.GetProperty("creditAmount").GetDecimal(), decimal.Parse(amount!, CultureInfo.InvariantCulture));
        Assert.EndsWith("= 22,50\u00a0$", await page.TextContentAsync("#credit-amount"), StringComparison.Ordinal);
        Assert.Contains(ReportMonth.ClientName, await page.TextContentAsync("#meta-client"), StringComparison.Ordinal);
        Assert.Equal("3", await page.EvaluateAsync<string>("() => document.querySelectorAll('#periods-table tbody tr').length.toString()"));

        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Equal(0, dialogs);
        Assert.Empty(fetched);
        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", $"client-report-{paper}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine("client report screenshot: " + shot);
    }

    private static decimal FrenchNumber(string? text) =>
        decimal.Parse((text ?? "").Replace("\u00a0", "", StringComparison.Ordinal).TrimEnd('%').Replace(',', '.'), CultureInfo.InvariantCulture);
}
