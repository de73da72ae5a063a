using Chezlepro.Contracts.Messages;
using Chezlepro.Health;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Proxmox;

/// <summary>Turns a <see cref="HealthReport"/> into a <see cref="SourceReading"/>, logging each status change once.</summary>
internal sealed class HealthReadingConverter(ILogger logger)
{
    private readonly Dictionary<string, HealthStatus> _last = new(StringComparer.Ordinal);

    public SourceReading Convert(HealthReport report)
    {
        var reading = new SourceReading();
        reading.Samples.AddRange(report.Samples);
        foreach (var check in report.Checks)
        {
            reading.Health.Add(new HealthReading(check.Check, check.Status, check.Summary, check.Details) { SummaryEn = check.SummaryEn });
            if (!_last.TryGetValue(check.Check, out var before) || before != check.Status)
            {
                _last[check.Check] = check.Status;
                HealthLog.CheckStatusChanged(logger, check.Check, check.Status, check.SummaryEn ?? check.Summary);
            }
        }
        return reading;
    }
}
