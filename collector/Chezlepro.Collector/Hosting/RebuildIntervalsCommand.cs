using System.Globalization;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Storage;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Hosting;

/// <summary>
/// <c>chezlepro-collector rebuild-intervals [--config file]</c>: recomputes the stored state intervals from the stored
/// health results (within <c>Collector:TelemetryRetention</c>) and prints which closed months would now read
/// differently. Run it with the collector stopped (SQLite) or at any time (PostgreSQL: ingest waits for it).
/// </summary>
public static class RebuildIntervalsCommand
{
    /// <summary>Runs the command; 0 on success, 1 on a configuration problem, 2 when a closed month differs.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var configuration = new ConfigurationManager();
        ServiceConfiguration.Apply(configuration, args, ServiceConfiguration.CollectorRole);
        await using var provider = CheckConfigCommand.Services(configuration, out _);
        IntervalRebuildReport report;
        try
        {
            var options = provider.GetRequiredService<IOptions<CollectorOptions>>().Value;
            var reports = provider.GetRequiredService<ServiceLevelReports>();
            _ = reports.Catalog;
            var store = provider.GetRequiredService<ICollectorStore>();
            await store.InitializeAsync(cancellationToken);
            report = await reports.RebuildIntervalsAsync(options.TelemetryRetention, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) await output.WriteLineAsync(failure);
            return 1;
        }

        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Format(inv, "rebuilt {0} checks: {1} interval rows before, {2} after",
            report.Summary.Checks, report.Summary.RowsBefore, report.Summary.RowsAfter));
        await output.WriteLineAsync(report.ClosedMonthsChecked.Count == 0
            ? "no closed month within the retention"
            : "closed months compared with their frozen report: " + string.Join(", ", report.ClosedMonthsChecked));
        foreach (var c in report.Changes)
        {
            await output.WriteLineAsync(string.Format(inv,
                "{0} {1}: frozen {2:0.000} % (credit {3} %), from the rebuilt intervals {4:0.000} % (credit {5} %) — frozen report kept",
                c.Month, c.ContractId, c.FrozenAvailability, c.FrozenCreditPercent, c.RebuiltAvailability, c.RebuiltCreditPercent));
        }
        return report.Changes.Count == 0 ? 0 : 2;
    }
}
