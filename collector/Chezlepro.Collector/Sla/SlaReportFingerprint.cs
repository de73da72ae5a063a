using System.Security.Cryptography;
using System.Text;

namespace Chezlepro.Collector.Sla;

/// <summary>
/// SHA-256 of a report's CSV (lower-case hex). Stored when a month is closed, it proves later that the frozen report
/// served is the one closed (mqtt-sla.md §4: invoice-grade numbers must not drift).
/// </summary>
public static class SlaReportFingerprint
{
    /// <summary>The fingerprint of a report.</summary>
    public static string Compute(SlaReport report) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SlaCsvWriter.ToCsv(report))));
}
