using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
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
            // The fixture's 10 s connect timeout is for the test's own reads; a collector starting at load 50+ has
            // waited longer for its first connection, failed its store initialisation and exited.
            collector["ConnectionString"] = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 120 }.ToString();
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

    /// <summary>The leader gauge once the collector answers (a loaded collector may outlive one request's timeout).</summary>
    public static Task<double> LeaderAnswerAsync(CollectorProcess collector, TimeSpan timeout) =>
        MetricAnswerAsync(collector, "chezlepro_collector_leader", timeout);

    /// <summary>A /metrics sample, asked again until the collector answers.</summary>
    public static async Task<double> MetricAnswerAsync(CollectorProcess collector, string series, TimeSpan timeout)
    {
        double? value = null;
        await Eventually.HoldsAsync(async () => (value = await collector.MetricAsync(series)) is not null, timeout,
            () => $"{collector.Url} answers {series}\n{collector.Log}");
        return value!.Value;
    }

    /// <summary>The delivery view of one node, asked again until the collector answers.</summary>
    public static async Task<JsonElement> DeliveryAnswerAsync(CollectorProcess collector, string site, string node, TimeSpan timeout)
    {
        JsonElement? view = null;
        await Eventually.HoldsAsync(async () => (view = await collector.DeliveryAsync(site, node)) is not null, timeout,
            () => $"{collector.Url} answers the delivery of {site}/{node}\n{collector.Log}");
        return view!.Value;
    }

    /// <summary>
    /// One operator POST, answered however long a loaded collector takes (a single request: asked again after a timeout,
    /// a close that went through the first time would answer 409). Returns the status code.
    /// </summary>
    public static async Task<int> OperatorPostAsync(CollectorProcess collector, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(collector.Url), Timeout = TimeSpan.FromSeconds(120) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CollectorHost.OperatorKey);
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>Rows stored for one site (0 before the first collector's migration).</summary>
    public static async Task<long> CountAsync(string connectionString, string site)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM messages WHERE site = $1;", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
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
