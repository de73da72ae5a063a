using Microsoft.Playwright;
using Xunit.Sdk;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary>
/// The system's Debian Chromium, driven by Playwright (as the agent's status page tests do) or run by the product
/// itself. No fallback: a browser that does not start is a failure with its reason, never a skipped check.
/// </summary>
internal static class ReportChromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    public static async Task<IPlaywright> StartPlaywrightAsync()
    {
        if (!File.Exists(Path)) throw new XunitException("Debian chromium is required at " + Path + " (apt-get install chromium)");
        // Playwright drives the system browser; its own browser download cannot work on this network.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        try
        {
            return await Playwright.CreateAsync();
        }
        catch (PlaywrightException ex)
        {
            throw new XunitException("Playwright's driver did not start (it ships in the Microsoft.Playwright package, " +
                "under .playwright/ in the test output), so the report was not checked: " + ex.Message);
        }
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        try
        {
            return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path, Headless = true, Args = Args });
        }
        catch (PlaywrightException ex)
        {
            throw new XunitException($"Playwright could not launch {Path} (Debian chromium), so the report was not checked: {ex.Message}");
        }
    }
}
