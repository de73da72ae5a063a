using Chezlepro.Contracts.Messages;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    // A month of 1,000 services is ~214 k rows: with the default 4 MB the ordered read sorted on disk (external merge,
    // Storage/README.md). Scoped to the read's own transaction (SET LOCAL), so no other statement is affected.
    private const string ReadWorkMem = "SET LOCAL work_mem = '64MB';";

    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckIntervalRow>> GetCheckIntervalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await ExecAsync(c, tx, ReadWorkMem, cancellationToken);
        var list = await ReadIntervalRowsAsync(c, tx, """
            SELECT site, node, check_name, status, from_ts, last_seen, to_ts FROM check_states
            WHERE from_ts < $2 AND (to_ts IS NULL OR to_ts > $1) ORDER BY site, node, check_name, from_ts;
            """, cancellationToken, Ms(from), Ms(to));
        await tx.CommitAsync(cancellationToken);
        return list;
    }

    /// <summary>
    /// Reads interval rows (site, node, check, status, from, last seen, to) in key order. Consecutive rows of one check
    /// share their three strings, so a year of rows keeps one copy of each name instead of one per row (the copies just
    /// read die young; millions of retained ones were promoted through every GC generation).
    /// </summary>
    private static async Task<List<CheckIntervalRow>> ReadIntervalRowsAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<CheckIntervalRow>();
        string site = "", node = "", check = "";
        while (await r.ReadAsync(ct))
        {
            site = Reuse(r.GetString(0), site);
            node = Reuse(r.GetString(1), node);
            check = Reuse(r.GetString(2), check);
            list.Add(new CheckIntervalRow(site, node, check, (HealthStatus)r.GetFieldValue<int>(3), FromMs(r.GetFieldValue<long>(4)),
                FromMs(r.GetFieldValue<long>(5)), r.IsDBNull(6) ? null : FromMs(r.GetFieldValue<long>(6))));
        }

        return list;
    }

    private static string Reuse(string read, string previous) => string.Equals(read, previous, StringComparison.Ordinal) ? previous : read;
}
