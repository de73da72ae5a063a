using Chezlepro.Health.Http;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Health.Pbs;

/// <summary>
/// Finds the newest finished snapshot of one backup group on a PBS (the restore test's input). Read-only: one
/// <c>GET /admin/datastore/{store}/snapshots</c>, which a token with <c>Datastore.Reader</c> may call.
/// </summary>
public sealed class PbsSnapshotLookup : IDisposable
{
    private readonly PbsClient _client;

    /// <summary>Creates the lookup. No I/O: the connection opens on the first call.</summary>
    /// <param name="options">Connection (base URL, token, pinned fingerprint).</param>
    /// <param name="time">Clock for timeouts and retries.</param>
    /// <param name="logger">Logger.</param>
    public PbsSnapshotLookup(ApiClientOptions options, TimeProvider time, ILogger logger) =>
        _client = new PbsClient(new ApiHttpClient(options, ApiFlavor.BackupServer, time, logger));

    /// <summary>The newest finished snapshot of <paramref name="type"/>/<paramref name="id"/>, or null when the group has none.</summary>
    /// <param name="store">Datastore.</param>
    /// <param name="ns">Namespace; empty for the root.</param>
    /// <param name="type">Backup type (<c>vm</c>, <c>ct</c>, <c>host</c>).</param>
    /// <param name="id">Backup id (<c>101</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="ApiException">The server could not be read, or its reply could not be decoded.</exception>
    public async Task<PbsLatestSnapshot?> LatestAsync(string store, string ns, string type, string id, CancellationToken cancellationToken)
    {
        var snapshots = await _client.SnapshotsAsync(store, ns, cancellationToken).ConfigureAwait(false);
        // A running backup has no manifest and is no restore point (reference §5.13).
        var newest = snapshots
            .Where(s => s.BackupType == type && s.BackupId == id && s.BackupTime is not null && s.IsFinished)
            .MaxBy(s => s.BackupTime);
        if (newest is null)
            return null;
        return new PbsLatestSnapshot(
            PbsHealthMapper.SnapshotPath(type, id, newest.BackupTime!.Value),
            DateTimeOffset.FromUnixTimeSeconds(newest.BackupTime.Value),
            (newest.Files ?? []).Where(f => !string.IsNullOrEmpty(f.Filename))
                .GroupBy(f => f.Filename!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Size, StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public void Dispose() => _client.Http.Dispose();
}
