using Microsoft.Playwright;
using Xunit.Sdk;

namespace Chezlepro.Testing.Browser;

/// <summary>
/// The system's Debian Chromium driven by Playwright, for every test that reads a page as a person would (the agent's
/// status page, the client report). No fallback: a browser that does not start is a failure with its reason, never
/// a skipped or lesser check (chromium --dump-dom sees the first render only: no refresh, no script, no print layout).
/// </summary>
public static class SystemChromium
{
    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    /// <summary>Starts Playwright's driver (shipped in the Microsoft.Playwright package, under .playwright/ in the test output).</summary>
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
                "under .playwright/ in the test output), so the page was not checked: " + ex.Message);
        }
    }

    /// <summary>Launches headless Debian Chromium through <paramref name="playwright"/>.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        try
        {
            return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path, Headless = true, Args = Args });
        }
        catch (PlaywrightException ex)
        {
            throw new XunitException($"Playwright could not launch {Path} (Debian chromium), so the page was not checked: {ex.Message}");
        }
    }
}
