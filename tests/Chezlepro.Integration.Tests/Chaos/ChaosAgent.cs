using System.Text.Json.Nodes;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Delivery;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Integration.Tests.Chaos;

/// <summary>
/// An agent process tuned for the chaos cases: a 1 s host source, a short acknowledgement timeout and reconnect
/// backoff (so a case takes seconds, not minutes), plus direct reads of its outbox file.
/// </summary>
public static class ChaosAgent
{
    public const string Site = "chaos";
    public const string Node = "pve1";

    /// <summary>Forwarding:AckTimeout of every case: the shortest the agent accepts.</summary>
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(5);

    public static AgentProcess Create(int brokerPort, string? dataDirectory = null, int keepAliveSeconds = 5,
        Action<JsonObject>? amend = null, IEnumerable<JsonObject>? extraSources = null)
    {
        var agent = new AgentProcess(Site, Node, brokerPort, keepAliveSeconds, dataDirectory: dataDirectory, extraSources: extraSources);
        // AgentProcess writes its config in its constructor; the chaos keys are added to that same file before the start.
        var path = Path.Combine(agent.DataDirectory, "agent.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        config["Mqtt"]!["ReconnectMaxDelaySeconds"] = 2;
        config["Forwarding"] = new JsonObject { ["AckTimeout"] = AckTimeout.ToString("c") };
        amend?.Invoke(config);
        File.WriteAllText(path, config.ToJsonString());
        return agent;
    }

    /// <summary>The last seq the running agent assigned (its status page's next seq − 1).</summary>
    public static async Task<long> LastAssignedAsync(AgentProcess agent)
    {
        var status = await agent.StatusAsync() ?? throw new InvalidOperationException("agent status page not answering\n" + agent.Log);
        return status.GetProperty("outbox").GetProperty("nextSeq").GetInt64() - 1;
    }

    /// <summary>Creates the outbox with the agent's own schema (if new) and appends <paramref name="count"/> telemetry rows; returns the last seq.</summary>
    public static async Task<long> SeedAsync(string dataDirectory, int count)
    {
        var path = Path.Combine(dataDirectory, "outbox.db");
        await using (var outbox = new SqliteOutbox(path, new OutboxOptions(), TimeProvider.System, NullLogger<SqliteOutbox>.Instance))
            await outbox.InitializeAsync(default);
        SqliteConnection.ClearAllPools();
        return OutboxSeed.AppendTelemetry(path, Site, Node, count);
    }

    /// <summary>The outbox file now, in one read: its rows (seq, kind) and the watermark the agent last took in.</summary>
    public static (IReadOnlyList<(long Seq, int Kind)> Rows, long Watermark) OutboxState(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "outbox.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT seq, kind FROM outbox ORDER BY seq;";
        var rows = new List<(long, int)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetInt32(1)));
        }
        command.CommandText = "SELECT value FROM meta WHERE key = 'watermark';";
        var watermark = command.ExecuteScalar() is long w ? w : 0;
        return (rows, watermark);
    }
}
