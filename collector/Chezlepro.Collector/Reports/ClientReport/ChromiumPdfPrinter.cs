using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// Prints the report's HTML to PDF with the system's headless Chromium, as a subprocess (the product path: no browser
/// library in the collector). Bounded: <see cref="ReportsOptions.MaxConcurrentPdf"/> processes at once, each stopped
/// (with its children) after <see cref="ReportsOptions.PdfTimeout"/>; its temporary directory (page, PDF, browser
/// profile) is removed whatever happens.
/// </summary>
public sealed class ChromiumPdfPrinter : IDisposable
{
    private const int StderrTail = 2_000;

    private readonly ReportsOptions _options;
    private readonly ILogger<ChromiumPdfPrinter> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates the printer; Chromium is looked for per request, so installing it later needs no restart.</summary>
    public ChromiumPdfPrinter(IOptions<ReportsOptions> options, ILogger<ChromiumPdfPrinter> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _time = time;
        _slots = new SemaphoreSlim(_options.MaxConcurrentPdf, _options.MaxConcurrentPdf);
    }

    /// <summary>The Chromium binary: the configured path if it exists, else <c>chromium</c> on PATH; null when there is none.</summary>
    public string? FindChromium()
    {
        if (_options.ChromiumPath is { } configured) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "chromium.exe" : "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The PDF of <paramref name="html"/>, or null when no Chromium is installed. Throws <see cref="TimeoutException"/>
    /// when printing (or waiting for a free printer) takes longer than the timeout, and
    /// <see cref="InvalidOperationException"/> when Chromium fails.
    /// </summary>
    public async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        if (FindChromium() is not { } chromium)
        {
            ReportLog.ChromiumMissing(_logger, _options.ChromiumPath ?? "(PATH)");
            return null;
        }

        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(_options.PdfTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            await _slots.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No PDF printer free within Reports:PdfTimeout = {_options.PdfTimeout}.");
        }

        var dir = Directory.CreateTempSubdirectory("chezlepro-report-").FullName;
        try
        {
            var pdf = await RunAsync(chromium, dir, html, timeout.Token, ct);
            var elapsed = _time.GetElapsedTime(started);
            ReportLog.Printed(_logger, chromium, (long)elapsed.TotalMilliseconds, pdf.Length);
            return pdf;
        }
        finally
        {
            _slots.Release();
            Remove(dir);
        }
    }

    private async Task<byte[]> RunAsync(string chromium, string dir, string html, CancellationToken timeout, CancellationToken ct)
    {
        var page = Path.Combine(dir, "report.html");
        var output = Path.Combine(dir, "report.pdf");
        await File.WriteAllTextAsync(page, html, new UTF8Encoding(false), ct);
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The browser's profile, caches and config live in the temporary directory: the service user's home may be
        // read-only (hardened unit), and nothing is left behind.
        start.Environment["HOME"] = dir;
        start.Environment["XDG_CONFIG_HOME"] = dir;
        start.Environment["XDG_CACHE_HOME"] = dir;
        foreach (var arg in Arguments(dir, output, page)) start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {chromium}.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (ct.IsCancellationRequested) throw;
            ReportLog.PrintTimedOut(_logger, chromium, _options.PdfTimeout);
            throw new TimeoutException($"Chromium did not print within Reports:PdfTimeout = {_options.PdfTimeout}.");
        }

        await stdout;
        var error = await stderr;
        if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
        {
            var tail = error.Length > StderrTail ? error[^StderrTail..] : error;
            ReportLog.PrintFailed(_logger, chromium, process.ExitCode, tail);
            throw new InvalidOperationException($"Chromium exited with {process.ExitCode} without a PDF.");
        }
        return await File.ReadAllBytesAsync(output, ct);
    }

    /// <summary>The command line: headless, no sandbox (a system service user has no user namespaces), nothing fetched.</summary>
    internal static IReadOnlyList<string> Arguments(string dir, string output, string page) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--user-data-dir=" + Path.Combine(dir, "profile"),
        "--no-pdf-header-footer",
        "--print-to-pdf=" + output,
        new Uri(page).AbsoluteUri,
    ];

    private void Remove(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException e)
        {
            ReportLog.CleanupFailed(_logger, dir, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            ReportLog.CleanupFailed(_logger, dir, e.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}
