using Chezlepro.Health.Http;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Health.Proxmox;

/// <summary>
/// Reads a Proxmox VE cluster once: three cluster-wide calls, then a few per online node (reference §5.4:
/// prefer cluster-wide calls). Never throws for API failures: what it cannot know it reports as unknown.
/// </summary>
public sealed class PveHealthReader : IDisposable
{
    private readonly PveClient _client;
    private readonly PveReadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly HashSet<string> _knownNodes = new(StringComparer.Ordinal);

    /// <summary>Creates the reader; no I/O.</summary>
    /// <param name="name">Source name, for logs.</param>
    /// <param name="api">Connection options.</param>
    /// <param name="options">What to read and thresholds.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public PveHealthReader(string name, ApiClientOptions api, PveReadOptions options, TimeProvider time, ILogger logger)
    {
        _name = name;
        _options = options;
        _time = time;
        _logger = logger;
        _client = new PveClient(new ApiHttpClient(api, ApiFlavor.ProxmoxVe, time, logger));
    }

    /// <summary>The underlying client (shared with a Ceph reader in proxmox-api mode).</summary>
    public ApiHttpClient Http => _client.Http;

    /// <summary>Reads once.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<HealthReport> ReadAsync(CancellationToken cancellationToken)
    {
        var clusterStatus = await FetchAsync(_client.ClusterStatusAsync, cancellationToken).ConfigureAwait(false);
        // Nothing else can work when the token, the TLS pin or every node is wrong; each 401 costs ~3 s (reference §5.4).
        if (clusterStatus.Error is { Kind: ApiFailureKind.AuthenticationFailed or ApiFailureKind.TrustRejected
                or ApiFailureKind.ConnectionFailed or ApiFailureKind.Timeout } fatal)
        {
            HealthLog.ReadFailed(_logger, _name, fatal.Message);
            return PveHealthMapper.Unknown(fatal.Message, _knownNodes);
        }
        var snapshot = new PveSnapshot
        {
            Now = _time.GetUtcNow(),
            ClusterStatus = clusterStatus,
            Resources = await FetchAsync(_client.ResourcesAsync, cancellationToken).ConfigureAwait(false),
            Ha = await FetchAsync(_client.HaStatusAsync, cancellationToken).ConfigureAwait(false),
            KnownNodes = [.. _knownNodes],
        };
        foreach (var node in PveHealthMapper.NodeNames(snapshot).Where(n => PveHealthMapper.IsOnline(snapshot, n)))
        {
            if (_options.ReadNodeStatus)
                snapshot.NodeStatus[node] = await FetchAsync(ct => _client.NodeStatusAsync(node, ct), cancellationToken).ConfigureAwait(false);
            if (_options.ReadReplication)
                snapshot.Replication[node] = await FetchAsync(ct => _client.ReplicationAsync(node, ct), cancellationToken).ConfigureAwait(false);
            if (_options.ReadPendingUpdates)
                snapshot.Updates[node] = await FetchAsync(ct => _client.UpdatesAsync(node, ct), cancellationToken).ConfigureAwait(false);
        }
        foreach (var node in PveHealthMapper.NodeNames(snapshot))
            _knownNodes.Add(node);
        return PveHealthMapper.Map(snapshot, _options.Thresholds);
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
            HealthLog.PartialRead(_logger, _name, ex.Kind, ex.Message);
            return Fetched<T>.Failed(ex);
        }
    }
}
