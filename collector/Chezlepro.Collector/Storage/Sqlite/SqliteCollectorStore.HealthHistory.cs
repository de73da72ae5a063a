namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore : IHealthResultHistory
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredHealthResult>> GetDistinctHealthResultsAsync(string checkPrefix, IReadOnlyList<string> detailKeys,
        DateTimeOffset capturedSince, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        var keys = HealthHistoryQuery.Keys(checkPrefix, detailKeys);
        var groups = string.Concat(keys.Select((_, i) => $", json_extract(payload, $k{i})"));
        // A bare column next to MIN() is SQLite's documented "value from the row holding the minimum". The health index
        // walked per node over the name range reads only these checks' rows; the planner, without statistics, would
        // otherwise walk every health result of the period.
        var sql = $"""
            SELECT site, node, name, MIN(ts), payload FROM messages INDEXED BY messages_health
            WHERE kind = {(int)Contracts.Topics.TopicKind.Health} AND (site, node) IN (SELECT site, node FROM nodes)
                AND name >= $p AND name < $end AND ts >= $since AND received_at >= $received
            GROUP BY site, node, name{groups} ORDER BY MIN(ts), site, node, name;
            """;
        var args = new List<(string, object?)>
        {
            ("$since", Ms(capturedSince)), ("$received", Ms(receivedSince)), ("$p", checkPrefix), ("$end", HealthHistoryQuery.End(checkPrefix)),
        };
        args.AddRange(keys.Select((k, i) => ($"$k{i}", (object?)("$.details." + k))));
        lock (_gate)
        {
            using var cmd = Command(Connection, null, sql, [.. args]);
            using var r = cmd.ExecuteReader();
            var list = new List<StoredHealthResult>();
            while (r.Read()) list.Add(new StoredHealthResult(r.GetString(0), r.GetString(1), r.GetString(2), FromMs(r.GetInt64(3)), r.GetString(4)));
            return Task.FromResult<IReadOnlyList<StoredHealthResult>>(list);
        }
    }
}
