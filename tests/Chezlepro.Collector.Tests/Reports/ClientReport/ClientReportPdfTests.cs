using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Reports.ClientReport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Sdk;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary>
/// A real PDF printed by the product through the system Chromium (found on PATH), read back with <c>pdftotext</c> and
/// <c>pdfinfo</c> (Debian poppler-utils): the availability, the credit and the fingerprint in its text are the JSON
/// report's, on the asked paper.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ClientReportPdfTests : IAsyncLifetime
{
    private ReportMonth _month = null!;

    public async Task InitializeAsync() => _month = await ReportMonth.StartAsync();

    public async Task DisposeAsync() => await _month.DisposeAsync();

    [Theory]
    [InlineData("fr", "letter", "98,250 %", "22,50 $", "pts (letter)")]
    [InlineData("en", "a4", "98.250%", "$22.50", "pts (A4)")]
    public async Task Pdf_TextHoldsTheJsonFigures_OnTheAskedPaper(string lang, string paper, string availability, string amount, string size)
    {
        using var reader = _month.Client();
        var json = await reader.GetFromJsonAsync<JsonElement>("/api/v1/sla/2026-10");
        var contract = json.GetProperty("contracts")[0];
        Assert.Equal((98.250m, 22.50m), (contract.GetProperty("availability").GetDecimal(), contract.GetProperty("creditAmount").GetDecimal()));
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(await reader.GetByteArrayAsync("/api/v1/sla/2026-10?format=csv")));
        var before = Leftovers();

        var response = await reader.GetAsync($"{ReportMonth.Url}&format=pdf&lang={lang}&paper={paper}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var file = Path.Combine(Path.GetTempPath(), $"client-report-{Guid.NewGuid():n}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var text = (await RunAsync("pdftotext", "-enc", "UTF-8", file, "-")).Replace('\u00a0', ' ');
            Assert.Contains(availability, text, StringComparison.Ordinal);
            Assert.Contains(amount, text, StringComparison.Ordinal);
            Assert.Contains(fingerprint, text, StringComparison.Ordinal);
            Assert.Contains(ReportMonth.ClientName, text, StringComparison.Ordinal);
            Assert.Contains(size, await RunAsync("pdfinfo", file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
        // The printer's temporary directory (page, PDF, browser profile) is gone.
        Assert.Equal(before, Leftovers());
    }

    [Fact]
    public async Task Pdf_LongPeriodTable_BreaksAcrossPages_HeaderRepeatedOnEach()
    {
        var services = _month.Factory.Services;
        var doc = (await services.GetRequiredService<ClientReportBuilder>().BuildAsync(new MonthPeriod(2026, 10), "obnl-a", default))!;
        var outage = doc.Periods[^1];
        var periods = Enumerable.Range(0, 120).Select(i => outage with { From = outage.From.AddHours(-4 * i), To = outage.To.AddHours(-4 * i) }).ToList();
        var html = ClientReportHtml.Write(doc with { Periods = periods }, ReportLanguage.French, ReportPaper.Letter);

        var pdf = await services.GetRequiredService<ChromiumPdfPrinter>().PrintAsync(html, default);

        Assert.NotNull(pdf);
        var file = Path.Combine(Path.GetTempPath(), $"client-report-{Guid.NewGuid():n}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var pages = int.Parse(PagesLine().Match(await RunAsync("pdfinfo", file)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(pages >= 4, $"120 periods should take several pages, got {pages}");
            // Pages 2 and 3 hold nothing but the periods table: each starts with its header row again.
            foreach (var page in new[] { "2", "3" })
            {
                var text = Spaces().Replace(await RunAsync("pdftotext", "-enc", "UTF-8", "-f", page, "-l", page, file, "-"), " ");
                Assert.Contains("Début", text, StringComparison.Ordinal);
                Assert.Contains("Cause", text, StringComparison.Ordinal);
                Assert.Contains("état critique", text, StringComparison.Ordinal);
            }
            var all = Spaces().Replace(await RunAsync("pdftotext", "-enc", "UTF-8", file, "-"), " ");
            Assert.Equal(120, CriticalCause().Count(all));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex("état critique")]
    private static partial Regex CriticalCause();

    // A cell's text wraps inside its column: pdftotext gives it on several lines.
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string[] Leftovers() =>
        [.. Directory.GetDirectories(Path.GetTempPath(), "chezlepro-report-*").Order(StringComparer.Ordinal)];

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new XunitException($"{tool} is required (Debian poppler-utils, apt-get install poppler-utils): {ex.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await stderr}");
            return await stdout;
        }
    }
}
