namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore : IHealthResultHistory
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredHealthResult>> GetDistinctHealthResultsAsync(string checkPrefix, IReadOnlyList<string> detailKeys,
        DateTimeOffset since, CancellationToken cancellationToken)
    {
        var keys = HealthHistoryQuery.Keys(checkPrefix, detailKeys);
        var groups = string.Concat(keys.Select((_, i) => $", (payload::jsonb -> 'details' ->> ${i + 3})"));
        var sql = $"""
            SELECT DISTINCT ON (site, node, name{groups}) site, node, name, ts, payload FROM messages
            WHERE kind = {(int)Contracts.Topics.TopicKind.Health} AND ts >= $1 AND left(name, length($2)) = $2
            ORDER BY site, node, name{groups}, ts;
            """;
        var list = await ListAsync(sql, r => new StoredHealthResult(r.GetString(0), r.GetString(1), r.GetString(2), FromMs(r.GetInt64(3)), r.GetString(4)),
            cancellationToken, [Ms(since), checkPrefix, .. keys]);
        return [.. list.OrderBy(x => x.Ts).ThenBy(x => x.Site, StringComparer.Ordinal).ThenBy(x => x.Node, StringComparer.Ordinal)
            .ThenBy(x => x.Check, StringComparer.Ordinal)];
    }
}
