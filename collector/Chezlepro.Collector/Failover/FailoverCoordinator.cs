using System.Text.Json;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Failover;

/// <summary>
/// Owns one <see cref="FailoverEngine"/> per group and serialises everything that touches them (rounds and
/// operator calls). A decision is written to the audit log first, then published retained; a publish that
/// fails is retried every round until the broker has it, so no decision is ever only in memory. What the rounds
/// find is also told to every <see cref="IFailoverDecisionSink"/> (the NOC stream is one).
/// </summary>
public sealed partial class FailoverCoordinator
{
    private readonly CatalogOptions _catalog;
    private readonly FailoverOptions _options;
    private readonly ICollectorStore _store;
    private readonly IFailoverAuditLog _audit;
    private readonly IMqttClient _client;
    private readonly TopicScheme _topics;
    private readonly IReadOnlyList<IFailoverDecisionSink> _sinks;
    private readonly TimeProvider _time;
    private readonly ILogger<FailoverCoordinator> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _blocked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FailoverEngine> _engines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FailoverRecord> _unpublished = new(StringComparer.Ordinal);
    private readonly ILeadership? _leadership;
    private bool _leading;

    /// <summary>Creates the coordinator; <see cref="InitializeAsync"/> loads the audit log.</summary>
    public FailoverCoordinator(IOptions<CatalogOptions> catalog, IOptions<FailoverOptions> options, ICollectorStore store, IFailoverAuditLog audit,
        IMqttClient client, TopicScheme topics, IEnumerable<IFailoverDecisionSink> sinks, TimeProvider time, ILogger<FailoverCoordinator> logger, ILeadership? leadership = null)
    {
        _leadership = leadership;
        _catalog = catalog.Value;
        _options = options.Value;
        _store = store;
        _audit = audit;
        _client = client;
        _topics = topics;
        _sinks = sinks.ToList();
        _time = time;
        _logger = logger;
    }

    /// <summary>Opens the audit log and resumes every group at its last epoch and active site.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _audit.InitializeAsync(cancellationToken);
        var resume = await _audit.LoadResumePointsAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var g in _catalog.FailoverGroups)
            {
                var (epoch, applied) = resume.ResumePoint(g.Id);
                var engine = new FailoverEngine(g, _options.MaxObservationGap, epoch, applied);
                _engines[g.Id] = engine;
                FailoverLog.Resumed(_logger, g.Id, epoch, engine.Active);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// One round: observe every group, act on what the engines decide, retry pending publishes. A collector that
    /// does not hold the leadership only follows the shared audit log.
    /// </summary>
    public async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        if (!await LeadAsync(cancellationToken)) return;
        var now = _time.GetUtcNow();
        var connected = _client.IsConnected;
        var nodes = await _store.GetNodesAsync(cancellationToken);
        var latest = await LatestAsync(nodes, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var g in _catalog.FailoverGroups)
            {
                if (!_engines.TryGetValue(g.Id, out var engine)) continue;
                var o = ObservationBuilder.Build(g, now, connected, _options.StaleAfter, nodes, latest);
                var step = engine.Observe(o);
                // Logged when the group becomes blocked, not every round (rounds run every few seconds).
                if (!step.PrimaryDownSecondaryUnavailable) _blocked.Remove(g.Id);
                else if (_blocked.Add(g.Id)) FailoverLog.Blocked(_logger, g.Id);
                foreach (var sink in _sinks) await sink.GroupObservedAsync(g, step.PrimaryDownSecondaryUnavailable, now, cancellationToken);
                if (step.Lapsed is { } lapsed)
                {
                    FailoverLog.Lapsed(_logger, g.Id, lapsed.Decision.Epoch);
                    // What applies again: the last decision consumers applied, or the primary when none ever moved the group.
                    var standing = engine.LastApplied() ?? lapsed.Decision with { Active = g.Primary, Mode = FailoverModes.Automatic };
                    foreach (var sink in _sinks) await sink.DecisionStandsAsync(g, standing, now, cancellationToken);
                }
                if (step.Decision is { } d) await RecordAsync(g, d, cancellationToken);
            }
            await PublishPendingAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<(string, string), (IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)>> LatestAsync(IReadOnlyList<NodeView> nodes, CancellationToken ct)
    {
        var wanted = new HashSet<(string, string)>();
        foreach (var g in _catalog.FailoverGroups)
        {
            foreach (var n in nodes.Where(n => n.Site == g.Primary)) wanted.Add((n.Site, n.Node));
            foreach (var c in g.Checks) wanted.Add((c.Site, c.Node));
        }
        var result = new Dictionary<(string, string), (IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)>();
        foreach (var (site, node) in wanted)
        {
            if (await _store.GetLatestAsync(site, node, ct) is { } l) result[(site, node)] = (l.Metrics, l.Health);
        }
        return result;
    }

    private async Task<bool> RecordAsync(FailoverGroupDefinition g, FailoverRecord record, CancellationToken ct)
    {
        var d = record.Decision;
        try
        {
            await _audit.AppendAsync(record.ToStored(), ct);
        }
        catch (FailoverAppendRefusedException ex)
        {
            // Another collector wrote this epoch, or this one lost the lock: the log is the truth, not this engine.
            FailoverLog.AppendRefused(_logger, d.Group, d.Epoch, ex.Message);
            await FollowGroupsAsync(force: true, ct);
            return false;
        }
        FailoverLog.Decided(_logger, d.Group, d.Epoch, d.Active, d.Previous, d.Mode, d.Reason);
        _unpublished[d.Group] = record; // retained: only the newest matters to the broker
        var now = _time.GetUtcNow();
        foreach (var sink in _sinks) await sink.DecisionStandsAsync(g, d, now, ct);
        return true;
    }

    private async Task PublishPendingAsync(CancellationToken ct)
    {
        foreach (var (group, record) in _unpublished.ToList())
        {
            try
            {
                var payload = JsonSerializer.SerializeToUtf8Bytes(record.Decision, ContractJsonContext.Default.FailoverDecision);
                await _client.PublishAsync(new MqttApplicationMessage(_topics.Failover(group), payload, MqttQualityOfService.AtLeastOnce, Retain: true), ct);
                _unpublished.Remove(group);
            }
            catch (Exception ex) when (ex is MqttNotConnectedException or MqttConnectionLostException)
            {
                FailoverLog.PublishFailed(_logger, group, record.Decision.Epoch, ex.Message);
            }
        }
    }
}
