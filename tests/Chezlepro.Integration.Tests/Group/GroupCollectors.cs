using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Chezlepro.Integration.Tests.Support;
using Npgsql;

namespace Chezlepro.Integration.Tests.Group;

/// <summary>
/// Collector processes of one <c>Collector:Group</c> on one PostgreSQL, as they ship, with a failover group
/// (public-web: lanaudiere → st-bruno, 5 s hold) and an operator key; plus reads of the shared database itself.
/// </summary>
public static class GroupCollectors
{
    public const string Group = "collectors";

    public static CollectorProcess Create(int brokerPort, string id, string connectionString) =>
        new(brokerPort, id: id, amend: config =>
        {
            var collector = config["Collector"]!.AsObject();
            collector["Store"] = "postgres";
            collector["ConnectionString"] = connectionString;
            collector["Group"] = Group;
            config["Api"]!["Keys"]!.AsArray().Add(new JsonObject { ["Key"] = CollectorHost.OperatorKey, ["Role"] = "operator" });
            config["Catalog"] = new JsonObject
            {
                ["FailoverGroups"] = new JsonArray(new JsonObject
                {
                    ["Id"] = "public-web", ["Primary"] = "lanaudiere", ["Secondary"] = "st-bruno", ["Mode"] = "automatic", ["Hold"] = "00:00:05",
                    ["Failback"] = "manual",
                }),
            };
            config["Failover"] = new JsonObject { ["Interval"] = "00:00:00.500", ["StaleAfter"] = "00:00:30", ["MaxObservationGap"] = "00:00:05" };
        });

    /// <summary>1 when this collector reports itself leader (<c>chezlepro_collector_leader</c>), 0 when not, null when it does not answer.</summary>
    public static Task<double?> LeaderAsync(CollectorProcess collector) => collector.MetricAsync("chezlepro_collector_leader");

    public static async Task<HttpResponseMessage> OperatorPostAsync(CollectorProcess collector, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CollectorHost.OperatorKey);
        return await collector.Http.SendAsync(request);
    }

    /// <summary>Every stored row's seq for one node, one entry per row (a seq stored twice appears twice).</summary>
    public static async Task<IReadOnlyList<long>> StoredSeqsAsync(string connectionString, string site, string node)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT seq FROM messages WHERE site = $1 AND node = $2 ORDER BY seq;", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = node });
        var seqs = new List<long>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) seqs.Add(reader.GetInt64(0));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Before the first collector's migration.
        }
        return seqs;
    }

    /// <summary>Rows of one query of the shared database, each as text, for assertions and messages.</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }
}
