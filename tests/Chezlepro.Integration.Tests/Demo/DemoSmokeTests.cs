using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chezlepro.Integration.Tests.Support;
using Xunit;

namespace Chezlepro.Integration.Tests.Demo;

/// <summary>
/// Issue 17 "Prove it": the README's demo, run as a user runs it (the built Chezlepro.Demo, its own Mosquitto,
/// collector, agents, simulators, Prometheus and Alertmanager when installed) in <c>--smoke</c> mode: once last month's
/// back-fill is acknowledged, the SLA report shows a credit earned by the back-filled outages, and every URL it printed
/// answers.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class DemoSmokeTests
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    [GeneratedRegex(@"(?<![=\w])https?://[^\s)']+")]
    private static partial Regex UrlPattern();

    [Fact]
    public async Task Demo_AfterBackfill_ShowsACreditForLastMonth_AndEveryPrintedUrlAnswers()
    {
        var lines = new ConcurrentQueue<string>();
        using var demo = StartDemo(lines);
        try
        {
            var ready = await WaitForLineAsync(demo, lines, "Back-fill acknowledged");
            Assert.True(ready, "the demo did not report its back-fill acknowledged within " + ReadyWithin + ":\n" + string.Join('\n', lines));
            var output = lines.ToArray();
            var key = output.Single(l => l.TrimStart().StartsWith("reader key", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            var running = Array.FindIndex(output, l => l.Contains("demo is running", StringComparison.Ordinal));
            var urls = output.Skip(running).SelectMany(l => UrlPattern().Matches(l).Select(m => m.Value)).Distinct().ToList();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

            var sla = urls.Single(u => u.EndsWith("/api/v1/sla/" + MonthOf(u), StringComparison.Ordinal));
            using (var report = JsonDocument.Parse(await http.GetStringAsync(sla)))
            {
                var contracts = report.RootElement.GetProperty("contracts").EnumerateArray().ToDictionary(c => c.GetProperty("contractId").GetString()!);
                // Not just a credit: one earned by the back-filled history (data up and down), not by a month without data.
                var a = contracts["obnl-a"];
                Assert.True(a.GetProperty("upSeconds").GetDouble() > 29 * 86400, "obnl-a has last month's history: " + a);
                Assert.True(a.GetProperty("downSeconds").GetDouble() >= 5 * 3600, "obnl-a counts the web site's 5 h down: " + a);
                Assert.True(a.GetProperty("availability").GetDecimal() < a.GetProperty("objective").GetDecimal(), a.ToString());
                Assert.True(a.GetProperty("creditPercent").GetDecimal() > 0 && !a.GetProperty("capped").GetBoolean(), a.ToString());
                // Unknown time left out (pme-b) versus counted (coop-c, whose only loss is its agent's silence).
                Assert.False(contracts["pme-b"].GetProperty("unknownCountsAsDown").GetBoolean());
                Assert.True(contracts["coop-c"].GetProperty("creditPercent").GetDecimal() > 0, contracts["coop-c"].ToString());
            }

            Assert.Contains(urls, u => u.Contains("format=pdf", StringComparison.Ordinal));
            // The pages together; the PDFs (a Chromium print each, seconds on a busy machine) one after the other.
            static bool IsPdf(string url) => url.Contains("format=pdf", StringComparison.Ordinal);
            var failures = (await Task.WhenAll(urls.Where(u => !IsPdf(u)).Select(url => AnswerAsync(http, url)))).OfType<string>().ToList();
            foreach (var pdf in urls.Where(IsPdf))
                if (await AnswerAsync(http, pdf) is { } failure) failures.Add(failure);
            Assert.True(failures.Count == 0, "printed URLs that do not answer 200:\n" + string.Join('\n', failures) + "\n" + string.Join('\n', output));
        }
        finally
        {
            await StopAsync(demo);
        }
    }

    // Null when the URL answers 200 (or 503 for a PDF where chromium is not installed), else what it answered.
    private static async Task<string?> AnswerAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.OK && url.Contains("format=pdf", StringComparison.Ordinal)
            && !(await response.Content.ReadAsByteArrayAsync()).AsSpan().StartsWith("%PDF"u8))
            return $"{url} → 200 but not a PDF";
        var pdfWithoutChromium = url.Contains("format=pdf", StringComparison.Ordinal) && !File.Exists("/usr/bin/chromium")
            && response.StatusCode == HttpStatusCode.ServiceUnavailable;
        return response.StatusCode == HttpStatusCode.OK || pdfWithoutChromium ? null : $"{url} → {(int)response.StatusCode}";
    }

    private static string MonthOf(string url) => url.Length >= 7 ? url[^7..] : "";

    private static Process StartDemo(ConcurrentQueue<string> lines)
    {
        // The demo's own build (the project reference builds it, without copying it here), the configuration of this test.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Repository.Path("packaging", "demo", "Chezlepro.Demo", "bin", configuration, "net10.0", "Chezlepro.Demo.dll");
        Assert.True(File.Exists(dll), dll + " is not built");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--smoke", "--for", "120" }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> WaitForLineAsync(Process demo, ConcurrentQueue<string> lines, string prefix)
    {
        using var deadline = new CancellationTokenSource(ReadyWithin);
        while (!deadline.IsCancellationRequested)
        {
            if (lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal))) return true;
            if (demo.HasExited) return false;
            try
            {
                await Task.Delay(250, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return false;
    }

    // SIGTERM: the demo stops what it started (agents, collector, simulators, Prometheus, Alertmanager, broker).
    private static async Task StopAsync(Process demo)
    {
        if (!demo.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", $"-TERM {demo.Id}") { UseShellExecute = false })!) await kill.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await demo.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                demo.Kill(entireProcessTree: true);
            }
        }
    }
}
