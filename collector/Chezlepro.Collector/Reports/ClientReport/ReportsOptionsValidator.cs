using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// Start-up checks of <see cref="ReportsOptions"/>; messages carry the key and the value. A configured Chromium path
/// must be absolute and, when the file exists, an executable file; a path to nothing is allowed (PDF requests answer
/// 503 naming the package until it is installed).
/// </summary>
public sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ChromiumPath is { } path)
        {
            if (!Path.IsPathFullyQualified(path))
                failures.Add(ValidationText.Of($"Reports:ChromiumPath = '{path}': must be an absolute path (or absent, to find chromium on PATH).", "doit être un chemin absolu (ou absent, pour trouver chromium dans PATH)."));
            else if (Directory.Exists(path))
                failures.Add(ValidationText.Of($"Reports:ChromiumPath = '{path}': is a directory, not the Chromium binary.", "est un dossier, pas l’exécutable de Chromium."));
            else if (File.Exists(path) && !OperatingSystem.IsWindows() && !IsExecutable(path))
                failures.Add(ValidationText.Of($"Reports:ChromiumPath = '{path}': is not executable.", "n’est pas exécutable."));
        }
        if (options.PdfTimeout < TimeSpan.FromSeconds(5) || options.PdfTimeout > TimeSpan.FromMinutes(10))
            failures.Add(ValidationText.Of($"Reports:PdfTimeout = {options.PdfTimeout}: must be between 00:00:05 and 00:10:00.", "doit être entre 00:00:05 et 00:10:00."));
        if (options.MaxConcurrentPdf is < 1 or > 4)
            failures.Add(ValidationText.Of($"Reports:MaxConcurrentPdf = {options.MaxConcurrentPdf}: must be between 1 and 4.", "doit être entre 1 et 4."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool IsExecutable(string path) =>
        (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
