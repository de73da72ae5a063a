namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>The <c>Reports</c> section: how the client report's PDF is printed.</summary>
public sealed class ReportsOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Reports";

    /// <summary>The Debian package that provides Chromium (a Recommends of the collector package).</summary>
    public const string ChromiumPackage = "chromium";

    /// <summary>
    /// The Chromium binary (<c>Reports:ChromiumPath</c>, absolute); null finds <c>chromium</c> on PATH. A path that
    /// does not exist is accepted at start-up and answered 503 per PDF request, as a missing Chromium on PATH is: the
    /// package is recommended, not required, and may be installed later without a restart.
    /// </summary>
    public string? ChromiumPath { get; set; }

    /// <summary>How long one PDF may take, waiting for a free printer included (<c>Reports:PdfTimeout</c>, default 00:01:00).</summary>
    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many Chromium processes may print at once (<c>Reports:MaxConcurrentPdf</c>, default 1, at most 4).</summary>
    public int MaxConcurrentPdf { get; set; } = 1;
}
