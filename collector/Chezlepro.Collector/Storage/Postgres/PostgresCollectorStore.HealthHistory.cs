namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore : IHealthResultHistory
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredHealthResult>> GetDistinctHealthResultsAsync(string checkPrefix, IReadOnlyList<string> detailKeys,
        DateTimeOffset capturedSince, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        var keys = HealthHistoryQuery.Keys(checkPrefix, detailKeys);
        var groups = string.Concat(keys.Select((_, i) => $", (payload::jsonb -> 'details' ->> ${i + 4})"));
        // A prefix test, not a range: under the database's collation '.' may not sort where the C locale puts it.
        var sql = $"""
            SELECT DISTINCT ON (site, node, name{groups}) site, node, name, ts, payload FROM messages
            WHERE kind = {(int)Contracts.Topics.TopicKind.Health} AND (site, node) IN (SELECT site, node FROM nodes)
                AND left(name, length($2)) = $2 AND ts >= $1 AND received_at >= $3
            ORDER BY site, node, name{groups}, ts;
            """;
        var list = await ListAsync(sql, r => new StoredHealthResult(r.GetString(0), r.GetString(1), r.GetString(2), FromMs(r.GetInt64(3)), r.GetString(4)),
            cancellationToken, [Ms(capturedSince), checkPrefix, Ms(receivedSince), .. keys]);
        return [.. list.OrderBy(x => x.Ts).ThenBy(x => x.Site, StringComparer.Ordinal).ThenBy(x => x.Node, StringComparer.Ordinal)
            .ThenBy(x => x.Check, StringComparer.Ordinal)];
    }
}
