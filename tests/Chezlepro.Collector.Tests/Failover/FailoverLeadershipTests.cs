using System.Collections.Concurrent;
using System.Text.Json;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Formats;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Tests.Storage;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Failover;

/// <summary>Two collectors on one private PostgreSQL: one decision-maker, one decision per epoch, takeover at epoch + 1.</summary>
[Trait("Category", "Integration")]
public sealed class FailoverLeadershipTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private readonly string _database = "failover_" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeTimeProvider _time = new();
    private readonly List<IAsyncDisposable> _owned = [];
    private volatile bool _primaryUp;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = _database }.ToString();

    public async Task InitializeAsync()
    {
        await using var c = new NpgsqlConnection(postgres.Server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database};", c);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var d in _owned) await d.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(postgres.Server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE);", c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static FailoverGroupDefinition Group() => new()
    {
        Id = "public-web", Primary = "lanaudiere", Secondary = "st-bruno", Mode = "automatic", Failback = "automatic",
        Hold = TimeSpan.FromSeconds(60), FailbackHold = TimeSpan.FromSeconds(60),
    };

    private sealed record Collector(string Name, PostgresLeadership Leadership, PostgresFailoverAuditLog Audit, FailoverCoordinator Coordinator,
        ConcurrentQueue<FailoverDecision> Published);

    private async Task<Collector> StartCollectorAsync(string name)
    {
        var leadership = new PostgresLeadership(ConnectionString, NullLogger<PostgresLeadership>.Instance);
        var audit = new PostgresFailoverAuditLog(ConnectionString, leadership);
        _owned.Add(leadership);
        _owned.Add(audit);
        var store = Substitute.For<ICollectorStore>();
        store.GetNodesAsync(default).ReturnsForAnyArgs(_ =>
        {
            var now = _time.GetUtcNow();
            IReadOnlyList<NodeView> nodes =
            [
                new NodeView("lanaudiere", "pve1", _primaryUp, _primaryUp ? null : "lost", 1, _primaryUp ? now : now - TimeSpan.FromHours(1), now, "1.0.0", now),
                new NodeView("st-bruno", "pve1", true, null, 1, now, now, "1.0.0", now),
            ];
            return Task.FromResult(nodes);
        });
        var published = new ConcurrentQueue<FailoverDecision>();
        var client = Substitute.For<IMqttClient>();
        client.IsConnected.Returns(true);
        client.PublishAsync(default!, default).ReturnsForAnyArgs(ci =>
        {
            var m = ci.Arg<MqttApplicationMessage>();
            if (m.Topic.StartsWith("chezlepro/v1/failover/", StringComparison.Ordinal))
                published.Enqueue(JsonSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.FailoverDecision)!);
            return Task.CompletedTask;
        });
        var catalog = Microsoft.Extensions.Options.Options.Create(new CatalogOptions { FailoverGroups = [Group()] });
        var options = Microsoft.Extensions.Options.Options.Create(new FailoverOptions());
        var noc = new NocPublisher(client, new TopicScheme(), _time, NullLogger<NocPublisher>.Instance);
        var coordinator = new FailoverCoordinator(catalog, options, store, audit, client, new TopicScheme(), [new NocFailoverAlerts(noc)], _time,
            NullLogger<FailoverCoordinator>.Instance, leadership);
        await coordinator.InitializeAsync(default);
        return new Collector(name, leadership, audit, coordinator, published);
    }

    /// <summary>Both collectors run their round at the same instant (concurrently), then the clock moves one tick.</summary>
    private async Task RoundsAsync(int count, params Collector[] collectors)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.WhenAll(collectors.Select(c => Task.Run(() => c.Coordinator.RunRoundAsync(default))));
            _time.Advance(Tick);
        }
    }

    private async Task<List<(long Epoch, string Active)>> AuditRowsAsync()
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT epoch, active FROM failover_decisions WHERE grp = 'public-web' ORDER BY id;", c);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<(long, string)>();
        while (await r.ReadAsync()) rows.Add((r.GetInt64(0), r.GetString(1)));
        return rows;
    }

    private static async Task TerminateAsync(string connectionString, int pid)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_terminate_backend($1);", c);
        cmd.Parameters.AddWithValue(pid);
        Assert.True((bool)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task RunRound_TwoCollectorsSamePrimaryFailing_OneDecisionPerEpochAndTakeoverAtNextEpoch()
    {
        var a = await StartCollectorAsync("a");
        var b = await StartCollectorAsync("b");
        _primaryUp = true;
        await RoundsAsync(2, a, b);
        Assert.NotEqual(a.Coordinator.IsLeading, b.Coordinator.IsLeading);
        var (leader, follower) = a.Coordinator.IsLeading ? (a, b) : (b, a);

        _primaryUp = false;
        await RoundsAsync(20, a, b); // 100 s: well past the 60 s hold

        Assert.Equal([(1L, "st-bruno")], await AuditRowsAsync());
        Assert.Equal([1L], leader.Published.Select(d => d.Epoch).Distinct());
        Assert.Empty(follower.Published);
        Assert.Equal(1, (await follower.Coordinator.ViewsAsync(5, default)).Single().Epoch); // the follower read the shared log
        Assert.Equal("st-bruno", (await follower.Coordinator.ViewsAsync(5, default)).Single().Active);

        // The leader's session dies (as if its database connection broke): the other collector takes over.
        await TerminateAsync(postgres.Server.ConnectionString, leader.Leadership.LeaderProcessId!.Value);
        _primaryUp = true;
        var leaderPublishedBefore = leader.Published.Count;
        await RoundsAsync(20, a, b); // 100 s: past the 60 s failback hold of the new leader

        Assert.True(follower.Coordinator.IsLeading);
        Assert.False(leader.Coordinator.IsLeading);
        Assert.Equal([(1L, "st-bruno"), (2L, "lanaudiere")], await AuditRowsAsync());
        Assert.Equal(leaderPublishedBefore, leader.Published.Count); // the old leader said nothing more
        var byEpoch = follower.Published.GroupBy(d => d.Epoch).ToDictionary(g => g.Key, g => g.Distinct().ToList());
        Assert.Equal(2, Assert.Single(byEpoch[2]).Epoch);
        Assert.Equal("lanaudiere", byEpoch[2][0].Active);
        // Republished on takeover: the very decision the old leader took, never a different epoch-1 decision.
        Assert.Equal(leader.Published.First(), Assert.Single(byEpoch[1]));
    }

    [Fact]
    public async Task HoldAsync_TwoCollectors_OnlyOneLeadsUntilItsSessionDies()
    {
        var a = new PostgresLeadership(ConnectionString, NullLogger<PostgresLeadership>.Instance);
        var b = new PostgresLeadership(ConnectionString, NullLogger<PostgresLeadership>.Instance);
        _owned.Add(a);
        _owned.Add(b);
        Assert.True(await a.HoldAsync(default));
        for (var i = 0; i < 3; i++)
        {
            Assert.False(await b.HoldAsync(default));
            Assert.True(await a.HoldAsync(default));
        }
        await TerminateAsync(postgres.Server.ConnectionString, a.LeaderProcessId!.Value);
        Assert.False(await a.HoldAsync(default));
        var taken = false;
        for (var i = 0; i < 50 && !taken; i++)
        {
            taken = await b.HoldAsync(default);
            if (!taken) await Task.Delay(50); // the server frees the lock once the terminated backend has exited
        }
        Assert.True(taken);
        Assert.False(await a.HoldAsync(default));
    }

    [Fact]
    public async Task AppendAsync_WriterLostLockWithoutNoticing_RefusedByFence()
    {
        var leadership = new PostgresLeadership(ConnectionString, NullLogger<PostgresLeadership>.Instance);
        var audit = new PostgresFailoverAuditLog(ConnectionString, leadership);
        _owned.Add(leadership);
        _owned.Add(audit);
        await audit.InitializeAsync(default);
        Assert.True(await leadership.HoldAsync(default));
        await audit.AppendAsync(Record(1), default);
        await TerminateAsync(postgres.Server.ConnectionString, leadership.LeaderProcessId!.Value);
        Assert.True(leadership.IsLeader); // not noticed yet: only the next round's query would tell
        await Assert.ThrowsAsync<FailoverAppendRefusedException>(() => audit.AppendAsync(Record(2), default));
        Assert.Equal([(1L, "st-bruno")], await AuditRowsAsync());
    }

    [Fact]
    public async Task AppendAsync_SameEpochTwiceOrRewrite_RefusedByTheDatabase()
    {
        var audit = new PostgresFailoverAuditLog(ConnectionString);
        _owned.Add(audit);
        await audit.InitializeAsync(default);
        await audit.InitializeAsync(default); // a second collector starting: schema creation is idempotent
        await audit.AppendAsync(Record(1), default);
        await audit.AppendAsync(Record(2, "lanaudiere", "advisory"), default);
        await Assert.ThrowsAsync<FailoverAppendRefusedException>(() => audit.AppendAsync(Record(1, "lanaudiere"), default));
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        foreach (var sql in new[] { "UPDATE failover_decisions SET active = 'x';", "DELETE FROM failover_decisions;", "TRUNCATE failover_decisions;" })
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            var ex = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
        }
        var points = await audit.LoadResumePointsAsync(default);
        Assert.Equal(2, points["public-web"].Epoch);
        Assert.Equal(1, points["public-web"].LastApplied!.Decision.Epoch);
        Assert.Equal([2L, 1L], (await audit.ListAsync("public-web", 10, default)).Select(r => r.Decision.Epoch));
    }

    private static StoredFailoverRecord Record(long epoch, string active = "st-bruno", string mode = "automatic") => new(
        new FailoverDecision { Group = "public-web", Active = active, Previous = "lanaudiere", Epoch = epoch, Mode = mode, Reason = FailoverReasons.PrimaryUnreachable,
            DecidedAt = new DateTimeOffset(2026, 11, 21, 14, 5, 0, TimeSpan.Zero).AddMinutes(epoch) },
        new StoredFailoverEvidenceV1 { Trigger = FailoverReasons.PrimaryUnreachable, SecondaryHealthy = true, WitnessHolds = true, Facts = ["test"] });
}
