using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
    private const long FullVacuumMaxBytes = 64L << 20;
    private bool _incremental;

    // Idempotent: checks what is there rather than trusting user_version, so a file that a one-version-older agent
    // touched in between (it keeps the columns it does not know) is handled the same way.
    private async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var hasSentAt = Convert.ToInt64(await ScalarAsync(connection,
            "SELECT COUNT(*) FROM pragma_table_info('outbox') WHERE name = 'sent_at';", cancellationToken)) > 0;
        if (!hasSentAt)
        {
            // v1 → v2. A v1 row was never acknowledged by a watermark (v1 deleted on PUBACK), so waiting is right.
            await ExecuteAsync(connection, "ALTER TABLE outbox ADD COLUMN sent_at INTEGER;", cancellationToken);
        }
        _incremental = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA auto_vacuum;", cancellationToken)) == 2;
        if (!_incremental) await TryFullVacuumAsync(connection, cancellationToken);
    }

    // A file created before auto_vacuum was set keeps mode 0 until a full VACUUM rewrites it. VACUUM copies the live
    // rows (measured: 85 s for 2 GB of rows on the 2-core build machine), so it runs only when they are few: at start
    // for a small outbox, otherwise in the first prune pass after the backlog has drained (README.md).
    private async Task TryFullVacuumAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var live = Convert.ToInt64(await ScalarAsync(connection, "SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM outbox;", cancellationToken));
        if (live > FullVacuumMaxBytes) return;
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(connection, "PRAGMA auto_vacuum=INCREMENTAL; VACUUM;", cancellationToken);
        // In WAL mode the rewritten file is in the WAL: the main file only shrinks at the checkpoint.
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        _incremental = true;
        OutboxLog.Vacuumed(_logger, _path, watch.ElapsedMilliseconds);
    }
}
