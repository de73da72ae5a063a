using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckIntervalRow>> GetCheckIntervalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadIntervalRowsAsync(c, null, """
            SELECT site, node, check_name, status, from_ts, last_seen, to_ts FROM check_states WHERE from_ts < $2 AND (to_ts IS NULL OR to_ts > $1);
            """, cancellationToken, Ms(from), Ms(to));
    }

    /// <summary>Reads interval rows (site, node, check, status, from, last seen, to) in key order, each once (<see cref="IntervalGroups"/>).</summary>
    private static async Task<List<CheckIntervalRow>> ReadIntervalRowsAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        return await IntervalGroups.ReadAsync(cmd, ct);
    }
}
