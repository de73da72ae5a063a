namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
    // Counting rows and bytes reads every page of the table: 0.4 s of CPU at 1,000,000 rows (issue #15 drain bench),
    // and the status page and /metrics ask for it every few seconds, behind the same gate as the drain's reads. From
    // LargeScanRows rows on, a scan is reused for StatsScanReuse; the meta counters are read fresh every time.
    internal const long LargeScanRows = 10_000;
    internal static readonly TimeSpan StatsScanReuse = TimeSpan.FromSeconds(10);

    private RowsScan? _lastScan;

    /// <inheritdoc />
    public async Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var scan = _lastScan is { } last && last.Rows >= LargeScanRows && now - last.At < StatsScanReuse
                ? last
                : _lastScan = await ScanRowsAsync(now, cancellationToken);
            await using var cmd = Connection.CreateCommand();
            cmd.CommandText = """
                SELECT (SELECT value FROM meta WHERE key = 'next_seq'), (SELECT value FROM meta WHERE key = 'evicted'),
                       (SELECT value FROM meta WHERE key = 'watermark'), (SELECT value FROM meta WHERE key = 'gaps_notices'),
                       COALESCE((SELECT value FROM meta WHERE key = 'adoptions'), 0),
                       COALESCE((SELECT value FROM meta WHERE key = 'fresh'), 0);
                """;
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            await r.ReadAsync(cancellationToken);
            return new OutboxStats(scan.Waiting, scan.Bytes, scan.OldestWaiting, r.GetInt64(0), r.GetInt64(1),
                scan.Rows, scan.Oldest, r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5) == FreshHolding);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RowsScan> ScanRowsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var cmd = Connection.CreateCommand();
        cmd.CommandText = """
            SELECT COUNT(*) FILTER (WHERE sent_at IS NULL), COALESCE(SUM(LENGTH(payload)), 0),
                   MIN(created_at) FILTER (WHERE sent_at IS NULL), COUNT(*), MIN(created_at)
            FROM outbox;
            """;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        await r.ReadAsync(cancellationToken);
        return new RowsScan(now, r.GetInt64(0), r.GetInt64(1), Time(r, 2), r.GetInt64(3), Time(r, 4));
    }

    private sealed record RowsScan(DateTimeOffset At, long Waiting, long Bytes, DateTimeOffset? OldestWaiting, long Rows, DateTimeOffset? Oldest);
}
