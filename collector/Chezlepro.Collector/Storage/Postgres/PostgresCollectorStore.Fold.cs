using Chezlepro.Contracts.Messages;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    // The same folding rule as the SQLite store (see SqliteCollectorStore.Fold.cs); several collectors may
    // ingest at once here, so each check's intervals are changed under a transaction-scoped advisory lock.
    private static async Task FoldHealthAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, string node, string check,
        HealthStatus status, long ts, string? details, CancellationToken ct)
    {
        await ExecAsync(c, tx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0));", ct, $"{site}/{node}/{check}");
        long id = 0, lastSeen = 0;
        long? to = null;
        HealthStatus? current = null;
        await using (var find = Command(c, tx, """
            SELECT id, status, last_seen, to_ts FROM check_states
            WHERE site = $1 AND node = $2 AND check_name = $3 AND from_ts <= $4 ORDER BY from_ts DESC, id DESC LIMIT 1;
            """, [site, node, check, ts]))
        await using (var r = await find.ExecuteReaderAsync(ct))
        {
            if (await r.ReadAsync(ct))
            {
                id = r.GetInt64(0);
                current = (HealthStatus)r.GetInt32(1);
                lastSeen = r.GetInt64(2);
                to = r.IsDBNull(3) ? null : r.GetInt64(3);
            }
        }
        if (current is null)
        {
            var next = await ScalarAsync(c, tx, "SELECT MIN(from_ts) FROM check_states WHERE site = $1 AND node = $2 AND check_name = $3 AND from_ts > $4;",
                ct, site, node, check, ts);
            await InsertAsync(c, tx, site, node, check, status, ts, next is null or DBNull ? null : Convert.ToInt64(next), details, ct);
            return;
        }
        if (to is { } end && ts >= end)
        {
            await InsertAsync(c, tx, site, node, check, status, ts, null, details, ct);
            return;
        }
        if (current == status)
        {
            await ExecAsync(c, tx, "UPDATE check_states SET last_seen = GREATEST(last_seen, $1), details = COALESCE($2, details) WHERE id = $3;",
                ct, ts, details, id);
            return;
        }
        if (lastSeen > ts) return;
        await ExecAsync(c, tx, "UPDATE check_states SET to_ts = $1 WHERE id = $2;", ct, ts, id);
        var merged = to is { } following && await ExecAsync(c, tx, """
            UPDATE check_states SET from_ts = $1 WHERE site = $2 AND node = $3 AND check_name = $4 AND from_ts = $5 AND status = $6;
            """, ct, ts, site, node, check, following, (int)status) > 0;
        if (!merged) await InsertAsync(c, tx, site, node, check, status, ts, to, details, ct);
    }

    private static Task<int> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, string node, string check,
        HealthStatus status, long from, long? to, string? details, CancellationToken ct) =>
        ExecAsync(c, tx, """
            INSERT INTO check_states(site, node, check_name, status, from_ts, last_seen, to_ts, details) VALUES ($1, $2, $3, $4, $5, $5, $6, $7);
            """, ct, site, node, check, (int)status, from, to, details);
}
