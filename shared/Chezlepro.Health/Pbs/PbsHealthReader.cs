using Chezlepro.Health.Http;
using Chezlepro.Health.Pbs.Replies;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Health.Pbs;

/// <summary>
/// Reads a Proxmox Backup Server once: datastore usage, GC jobs, every namespace's snapshots, failed tasks
/// since the last poll. Never throws for API failures: what it cannot know it reports as unknown.
/// </summary>
public sealed class PbsHealthReader : IDisposable
{
    private readonly PbsClient _client;
    private readonly PbsReadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly Dictionary<string, string> _knownBackups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownChecks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _reportedTasks = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastPoll;

    /// <summary>Creates the reader; no I/O.</summary>
    /// <param name="name">Source name, for logs.</param>
    /// <param name="api">Connection options.</param>
    /// <param name="options">What to read and thresholds.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public PbsHealthReader(string name, ApiClientOptions api, PbsReadOptions options, TimeProvider time, ILogger logger)
    {
        _name = name;
        _options = options;
        _time = time;
        _logger = logger;
        _client = new PbsClient(new ApiHttpClient(api, ApiFlavor.BackupServer, time, logger));
    }

    /// <summary>Reads once.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<HealthReport> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var usage = await FetchAsync(_client.DatastoreUsageAsync, cancellationToken).ConfigureAwait(false);
        if (usage.Error is { } fatal)
        {
            HealthLog.ReadFailed(_logger, _name, fatal.Message);
            return PbsHealthMapper.Unknown(fatal.Message, _knownChecks.Union(_options.Datastores.Select(PbsHealthMapper.DatastoreCheck)));
        }
        var stores = usage.Value!.Where(u => !string.IsNullOrEmpty(u.Store)
            && (_options.Datastores.Count == 0 || _options.Datastores.Contains(u.Store!))).ToList();
        // Tasks are filtered on start time, so look back a little and drop what was already reported.
        var since = (_lastPoll ?? now - _options.FirstTaskLookBack) - TimeSpan.FromHours(1);
        var tasks = await FetchAsync(ct => _client.FailedTasksAsync(since.ToUnixTimeSeconds(), ct), cancellationToken).ConfigureAwait(false);
        if (tasks.Value is { } list)
        {
            tasks = Fetched<List<PbsTask>>.Ok(list.Where(t => t.Upid is not null && t.IsFailure && _reportedTasks.TryAdd(t.Upid, t.StartTime ?? 0)).ToList());
            // Forget what can no longer come back from the task list, so the set stays small.
            foreach (var old in _reportedTasks.Where(p => p.Value < since.ToUnixTimeSeconds() - 86400).Select(p => p.Key).ToList())
                _reportedTasks.Remove(old);
        }
        var gc = await FetchAsync(_client.GcJobsAsync, cancellationToken).ConfigureAwait(false);
        var poll = new PbsPoll
        {
            Now = now,
            Usage = Fetched<List<PbsDatastoreUsage>>.Ok(stores),
            ExpectedStores = _options.Datastores,
            GcJobs = gc,
            FailedTasks = tasks,
            KnownBackups = new Dictionary<string, string>(_knownBackups),
        };
        foreach (var store in stores.Select(s => s.Store!))
        {
            var namespaces = await FetchAsync(ct => _client.NamespacesAsync(store, ct), cancellationToken).ConfigureAwait(false);
            // PBS before 2.2 has no namespaces: read the root alone (reference §5.12).
            var names = namespaces.Value?.Select(n => n.Ns ?? "").Distinct().ToList() ?? [""];
            foreach (var ns in names)
                poll.Snapshots.Add((store, ns, await FetchAsync(ct => _client.SnapshotsAsync(store, ns, ct), cancellationToken).ConfigureAwait(false)));
        }
        _lastPoll = now;
        var report = PbsHealthMapper.Map(poll, _options.Thresholds);
        foreach (var check in report.Checks)
        {
            _knownChecks.Add(check.Check);
            if (check.Details?["store"]?.GetValue<string>() is { } s && check.Check.StartsWith("pbs.backup.", StringComparison.Ordinal))
                _knownBackups[check.Check] = s;
        }
        return report;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Http.Dispose();

    private async Task<Fetched<T>> FetchAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct) where T : class
    {
        try
        {
            return Fetched<T>.Ok(await call(ct).ConfigureAwait(false));
        }
        catch (ApiException ex)
        {
            if (ex.Kind != ApiFailureKind.NotFound)
                HealthLog.PartialRead(_logger, _name, ex.Kind, ex.Message);
            return Fetched<T>.Failed(ex);
        }
    }
}
