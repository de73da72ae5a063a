using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Every <see cref="NocOptions.ServiceLevelAlertInterval"/>: incidents (last
/// <see cref="NocOptions.ServiceLevelAlertLookback"/>) and RPO from <see cref="ServiceLevelReports"/> into
/// the NOC stream. Only the leader publishes them, so several collectors on one PostgreSQL
/// send one stream, not one per collector.
/// </summary>
public sealed class NocServiceLevelWatcher : PeriodicRoundService
{
    private readonly ServiceLevelReports _reports;
    private readonly NocServiceLevelAlerts _alerts;
    private readonly ILeadership _leadership;
    private readonly IOptionsMonitor<IncidentPolicy> _policy;
    private readonly NocOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the watcher.</summary>
    public NocServiceLevelWatcher(ServiceLevelReports reports, NocPublisher noc, ILeadership leadership, IOptionsMonitor<IncidentPolicy> policy,
        IOptions<NocOptions> options, TimeProvider time, LoopFailureCounters failures, ILogger<NocServiceLevelWatcher> logger)
        : base(time, failures, logger)
    {
        _reports = reports;
        _alerts = new NocServiceLevelAlerts(noc);
        _leadership = leadership;
        _policy = policy;
        _options = options.Value;
        _time = time;
    }

    /// <summary>
    /// Incidents are looked at at least this far back: a post-mortem is due 5 business days after restoration, up to
    /// 13 calendar days across the year-end holidays, and a late one must still reach the NOC (notice-late).
    /// </summary>
    public static readonly TimeSpan NoticeLookback = TimeSpan.FromDays(21);

    /// <inheritdoc />
    protected override TimeSpan Interval => _options.ServiceLevelAlertInterval;

    /// <inheritdoc />
    protected override string RoundName => "noc-service-levels";

    /// <inheritdoc />
    public override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        if (_leadership.Shared && !_leadership.IsLeader) return;
        var lookback = _options.ServiceLevelAlertLookback > NoticeLookback ? _options.ServiceLevelAlertLookback : NoticeLookback;
        var incidents = await _reports.IncidentsAsync(lookback, cancellationToken);
        var rpo = await _reports.RpoAsync(cancellationToken);
        var calendar = BusinessCalendar.Toronto(_reports.Catalog.Holidays);
        await _alerts.OfferAsync(incidents, rpo, _policy.CurrentValue, calendar, _time.GetUtcNow(), cancellationToken);
    }
}
