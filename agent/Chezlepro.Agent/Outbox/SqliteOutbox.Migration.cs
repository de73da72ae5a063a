using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
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
        var autoVacuum = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA auto_vacuum;", cancellationToken));
        if (autoVacuum != 2)
        {
            // A file created before auto_vacuum was set keeps mode 0 until a full VACUUM rewrites it: done once here,
            // while nothing else uses the file (README.md: about 1 s per 100 MB on the reference node's disk).
            var watch = Stopwatch.StartNew();
            await ExecuteAsync(connection, "PRAGMA auto_vacuum=INCREMENTAL; VACUUM;", cancellationToken);
            OutboxLog.Vacuumed(_logger, _path, watch.ElapsedMilliseconds);
        }
    }
}
