using Chezlepro.Collector.Reports.ClientReport;
using Xunit;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary><c>Reports</c> options at start-up: a configured Chromium path is absolute and, when it exists, an executable file.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReportsOptionsValidatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reports-options-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Defaults_Valid() => Assert.True(Validate(new ReportsOptions()).Succeeded);

    [Fact]
    public void ChromiumPath_MissingFile_Accepted() =>
        Assert.True(Validate(new ReportsOptions { ChromiumPath = Path.Combine(_dir, "chromium") }).Succeeded);

    [Fact]
    public void ChromiumPath_ExecutableFile_Accepted()
    {
        var file = Path.Combine(_dir, "chromium");
        File.WriteAllText(file, "#!/bin/sh\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.True(Validate(new ReportsOptions { ChromiumPath = file }).Succeeded);
    }

    [Fact]
    public void ChromiumPath_Relative_Directory_NotExecutable_RejectedWithKeyAndValue()
    {
        var plain = Path.Combine(_dir, "plain");
        File.WriteAllText(plain, "");
        File.SetUnixFileMode(plain, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Contains("Reports:ChromiumPath = 'bin/chromium': must be an absolute path", Validate(new ReportsOptions { ChromiumPath = "bin/chromium" }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains($"Reports:ChromiumPath = '{_dir}': is a directory", Validate(new ReportsOptions { ChromiumPath = _dir }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains($"Reports:ChromiumPath = '{plain}': is not executable / n’est pas exécutable.", Validate(new ReportsOptions { ChromiumPath = plain }).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:01", 1, "Reports:PdfTimeout = 00:00:01")]
    [InlineData("00:11:00", 1, "Reports:PdfTimeout = 00:11:00")]
    [InlineData("00:01:00", 0, "Reports:MaxConcurrentPdf = 0")]
    [InlineData("00:01:00", 5, "Reports:MaxConcurrentPdf = 5")]
    public void Bounds_RejectedWithKeyAndValue(string timeout, int concurrency, string message) =>
        Assert.Contains(message, Validate(new ReportsOptions { PdfTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture), MaxConcurrentPdf = concurrency }).FailureMessage, StringComparison.Ordinal);

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(ReportsOptions options) => new ReportsOptionsValidator().Validate(null, options);
}
