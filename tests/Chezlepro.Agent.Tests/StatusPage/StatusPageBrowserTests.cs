using System.Text.Json.Nodes;
using Chezlepro.Agent.Hosting;
using Chezlepro.Testing;
using Chezlepro.Simulators.Eg4;
using Chezlepro.Simulators.Support;
using Chezlepro.Simulators.Victron;
using Microsoft.Extensions.Hosting;
using Chezlepro.Testing.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Agent.Tests.StatusPage;

/// <summary>
/// The real agent, built in-process from a configuration whose broker port nobody listens on (the broker is
/// stopped): its host source fills the outbox for real, its victron-gx source reads a simulated GX over Modbus TCP
/// that has lost the grid, its eg4-ll source reads two simulated packs on a pty. Playwright drives headless Debian
/// Chromium (/usr/bin/chromium, no fallback) and the test reads what a person would see; then the grid comes back on
/// the simulator and the page follows.
/// </summary>
[Trait("Category", "Integration")]
public class StatusPageBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Page_BrokerStoppedGridLost_ShowsAlertAndGrowingOutbox()
    {
        await using var gx = await VictronGxSimulator.StartAsync();
        gx.LoseGrid();
        await using var pty = await PtyPair.StartAsync();
        await using var packs = await Eg4LlSimulator.StartAsync(pty.DevicePath, 2, 3);
        var data = Directory.CreateTempSubdirectory("status-browser-");
        var port = FreePort.Next();
        var configPath = Path.Combine(data.FullName, "agent.json");
        File.WriteAllText(configPath, new JsonObject
        {
            ["Agent"] = new JsonObject { ["Site"] = "lanaudiere", ["Node"] = "pve1", ["DataDirectory"] = data.FullName },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = FreePort.Next(), ["Username"] = "lanaudiere-pve1", ["Password"] = FakeStatus.Secret },
            ["StatusPage"] = new JsonObject { ["Urls"] = $"http://127.0.0.1:{port}" },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
            ["Sources"] = new JsonArray(
                new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = "00:00:01" },
                new JsonObject { ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:01", ["Host"] = "127.0.0.1", ["Port"] = gx.Port, ["RequestTimeout"] = "00:00:02",
                                 ["Alerts"] = new JsonObject { ["ClearHold"] = "00:00:02" } },
                new JsonObject { ["Type"] = "eg4-ll", ["Name"] = "eg4", ["Interval"] = "00:00:03", ["SerialPort"] = pty.HostPath,
                                 ["UnitIds"] = new JsonArray(2, 3), ["RequestTimeout"] = "00:00:02" }),
        }.ToJsonString());
        using var app = AgentApp.Build(["--config", configPath]);
        await app.StartAsync();
        try
        {
            var url = $"http://127.0.0.1:{port}/";
            var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(shots);
            await CheckWithPlaywrightAsync(url, shots, gx);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private async Task CheckWithPlaywrightAsync(string url, string shots, VictronGxSimulator gx)
    {
        using var playwright = await SystemChromium.StartPlaywrightAsync();
        await using var browser = await SystemChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1500 } });
        var external = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(url, StringComparison.Ordinal)) external.Add(r.Url); };
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        // The sources' first polls land within a few seconds of the start; the page refreshes on its own.
        await WaitOrExplainAsync(page, url, "() => document.querySelectorAll('#packs tbody tr').length === 2 && document.querySelector('#alerts li[data-alert=grid-lost]')");

        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("PANNE", await page.TextContentAsync("#grid-state"), StringComparison.Ordinal);
        Assert.Contains("Panne du réseau électrique — sur batterie", await page.TextContentAsync("#alerts li[data-alert=grid-lost]"), StringComparison.Ordinal);
        Assert.Equal("Déconnecté", await page.TextContentAsync("#broker"));
        Assert.Matches(@"^\d{1,3}(,\d)? %$", (await page.TextContentAsync("#battery-soc"))?.Replace('\u00a0', ' '));
        Assert.Matches(@"\d+ (h|min)", await page.TextContentAsync("#battery-runtime"));
        Assert.Contains(" ms", await page.TextContentAsync("#sources tr[data-source=victron]"), StringComparison.Ordinal);
        Assert.Contains(" ms", await page.TextContentAsync("#sources tr[data-source=eg4]"), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeStatus.Secret, await page.ContentAsync(), StringComparison.Ordinal);

        // Broker stopped: the host source keeps appending; the page shows the outbox growing on its own refresh.
        var firstDepth = Digits(await page.TextContentAsync("#outbox-depth"));
        Assert.True(firstDepth > 0, "the outbox should already hold the host source's messages");
        await page.WaitForFunctionAsync(
            $"() => parseInt(document.getElementById('outbox-depth').textContent.replace(/\\D/g, ''), 10) > {firstDepth}",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        Assert.NotEqual("vide", await page.TextContentAsync("#outbox-oldest"));
        var fr = Path.Combine(shots, "status-page-fr.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fr, FullPage = true });
        foreach (var path in new[] { "api/status", "metrics" })
        {
            var body = await (await page.APIRequest.GetAsync(url + path)).TextAsync();
            Assert.DoesNotContain(FakeStatus.Secret, body, StringComparison.Ordinal);
        }

        await page.ClickAsync("#lang");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Grid lost, running on battery", await page.TextContentAsync("#alerts li[data-alert=grid-lost]"), StringComparison.Ordinal);
        Assert.Equal("Disconnected", await page.TextContentAsync("#broker"));
        var en = Path.Combine(shots, "status-page-en.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = en, FullPage = true });

        // The grid comes back at the GX: the agent clears its alert and the page follows without a reload.
        gx.RestoreGrid();
        await WaitOrExplainAsync(page, url, "() => !document.querySelector('#alerts li[data-alert=grid-lost]')");
        Assert.Equal("Available", await page.TextContentAsync("#grid-state"));

        Assert.Empty(external);
        Report(fr, en);
    }

    // On a timeout, the agent's own view says which source did not deliver.
    private static async Task WaitOrExplainAsync(IPage page, string url, string condition)
    {
        try
        {
            await page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        }
        catch (TimeoutException ex)
        {
            var status = await (await page.APIRequest.GetAsync(url + "api/status")).TextAsync();
            throw new TimeoutException($"{condition} not met in 20 s; agent status: {status}", ex);
        }
    }

    private void Report(params string[] paths)
    {
        foreach (var p in paths)
        {
            output.WriteLine("status page screenshot: " + p);
            Console.WriteLine("status page screenshot: " + p);
        }
    }

    private static long Digits(string? text) => long.Parse(new string((text ?? "").Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
}
