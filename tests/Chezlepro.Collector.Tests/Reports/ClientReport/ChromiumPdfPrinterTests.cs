using Chezlepro.Collector.Reports.ClientReport;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary>
/// The printer's process handling with stand-in <c>chromium</c> scripts: the command line it is given, a failure, a
/// hang stopped at the timeout (on the fake clock) with its process killed; the temporary directory always removed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ChromiumPdfPrinterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("printer-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Print_HeadlessNoHeaderFooter_PageAsFileUrl_OwnHome_DirectoryRemoved()
    {
        var args = Path.Combine(_dir, "args");
        // Writes its arguments and HOME, then a "PDF" where --print-to-pdf says.
        var chromium = Script("chromium", $$"""
            printf '%s\n' "$@" > '{{args}}'
            echo "HOME=$HOME" >> '{{args}}'
            for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 stand-in' > "${a#--print-to-pdf=}" ;; esac; done
            """);
        using var printer = Printer(chromium);

        var pdf = await printer.PrintAsync("<p>x</p>", default);

        Assert.Equal("%PDF-1.4 stand-in", System.Text.Encoding.ASCII.GetString(pdf!));
        var lines = File.ReadAllLines(args);
        Assert.Contains("--headless", lines);
        Assert.Contains("--no-pdf-header-footer", lines);
        var page = Assert.Single(lines, l => l.StartsWith("file:///", StringComparison.Ordinal));
        var work = Path.GetDirectoryName(new Uri(page).LocalPath)!;
        Assert.Contains("HOME=" + work, lines);
        Assert.False(Directory.Exists(work), "the temporary directory must be removed");
    }

    [Fact]
    public async Task Print_ChromiumFails_InvalidOperation_DirectoryRemoved()
    {
        var chromium = Script("chromium", "echo \"profile locked\" >&2\nexit 3");
        using var printer = Printer(chromium);
        var before = Leftovers();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => printer.PrintAsync("<p>x</p>", default));

        Assert.Contains("exited with 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Leftovers());
    }

    [Fact]
    public async Task Print_ChromiumHangs_StoppedAtTheTimeout_ProcessKilled_DirectoryRemoved()
    {
        var started = Path.Combine(_dir, "started");
        var chromium = Script("chromium", $"echo $$ > '{started}.tmp' && mv '{started}.tmp' '{started}'\nexec sleep 300");
        using var printer = Printer(chromium);
        var before = Leftovers();

        var print = printer.PrintAsync("<p>x</p>", default);
        using (var seen = new FileSystemWatcher(_dir, "started"))
        {
            var created = new TaskCompletionSource();
            seen.Created += (_, _) => created.TrySetResult();
            seen.Renamed += (_, _) => created.TrySetResult();
            seen.EnableRaisingEvents = true;
            if (!File.Exists(started)) await created.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        var pid = int.Parse(File.ReadAllText(started).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        _time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<TimeoutException>(() => print);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"the hung process {pid} must be killed");
        Assert.Equal(before, Leftovers());
    }

    private ChromiumPdfPrinter Printer(string chromium) =>
        new(Microsoft.Extensions.Options.Options.Create(new ReportsOptions { ChromiumPath = chromium, PdfTimeout = TimeSpan.FromSeconds(30) }), NullLogger<ChromiumPdfPrinter>.Instance, _time);

    private string Script(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string[] Leftovers() =>
        [.. Directory.GetDirectories(Path.GetTempPath(), "chezlepro-report-*").Order(StringComparer.Ordinal)];
}
