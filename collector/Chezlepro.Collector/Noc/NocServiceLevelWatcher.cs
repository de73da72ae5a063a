using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Reports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Every <see cref="FailoverOptions.ServiceLevelAlertInterval"/>: incidents (last
/// <see cref="FailoverOptions.ServiceLevelAlertLookback"/>) and RPO from <see cref="ServiceLevelReports"/> into
/// the NOC stream. Only the failover decision-maker publishes them, so several collectors on one PostgreSQL
/// send one stream, not one per collector.
/// </summary>
public sealed class NocServiceLevelWatcher : BackgroundService
{
    private readonly ServiceLevelReports _reports;
    private readonly NocServiceLevelAlerts _alerts;
    private readonly FailoverLeadership _leadership;
    private readonly IOptionsMonitor<IncidentPolicy> _policy;
    private readonly FailoverOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NocServiceLevelWatcher> _logger;

    /// <summary>Creates the watcher.</summary>
    public NocServiceLevelWatcher(ServiceLevelReports reports, NocPublisher noc, FailoverLeadership leadership, IOptionsMonitor<IncidentPolicy> policy,
        IOptions<FailoverOptions> options, TimeProvider time, ILogger<NocServiceLevelWatcher> logger)
    {
        _reports = reports;
        _alerts = new NocServiceLevelAlerts(noc);
        _leadership = leadership;
        _policy = policy;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>One round (tests call it directly).</summary>
    public async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        if (_leadership.Shared && !_leadership.IsLeader) return;
        var incidents = await _reports.IncidentsAsync(_options.ServiceLevelAlertLookback, cancellationToken);
        var rpo = await _reports.RpoAsync(cancellationToken);
        var calendar = BusinessCalendar.Toronto(_reports.Catalog.Holidays);
        await _alerts.OfferAsync(incidents, rpo, _policy.CurrentValue, calendar, _time.GetUtcNow(), cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ServiceLevelAlertInterval, _time);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                FailoverLog.RoundFailed(_logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
