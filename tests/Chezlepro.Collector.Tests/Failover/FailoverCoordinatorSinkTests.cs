using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace Chezlepro.Collector.Tests.Failover;

/// <summary>Failover tells its listeners through <see cref="IFailoverDecisionSink"/> only; any sink will do, the NOC is one.</summary>
public sealed class FailoverCoordinatorSinkTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("failover-sink-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero));
    private readonly RecordingSink _sink = new();
    private SqliteFailoverAuditLog _audit = null!;
    private bool _primaryUp = true;
    private bool _secondaryUp = true;

    private static FailoverGroupDefinition Group() => new()
    {
        Id = "public-web", Primary = "lanaudiere", Secondary = "st-bruno", Mode = "automatic", Failback = "manual",
        Hold = TimeSpan.FromSeconds(60), FailbackHold = TimeSpan.FromSeconds(60),
    };

    private sealed class RecordingSink : IFailoverDecisionSink
    {
        public List<(string Group, bool Blocked)> Observed { get; } = [];

        public List<FailoverDecision> Decisions { get; } = [];

        public Task GroupObservedAsync(FailoverGroupDefinition group, bool blocked, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Observed.Add((group.Id, blocked));
            return Task.CompletedTask;
        }

        public Task DecisionStandsAsync(FailoverGroupDefinition group, FailoverDecision decision, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Decisions.Add(decision);
            return Task.CompletedTask;
        }
    }

    public Task InitializeAsync()
    {
        _audit = new SqliteFailoverAuditLog(Path.Combine(_dir, "failover.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _audit.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<FailoverCoordinator> CoordinatorAsync()
    {
        var store = Substitute.For<ICollectorStore>();
        store.GetNodesAsync(default).ReturnsForAnyArgs(_ =>
        {
            var now = _time.GetUtcNow();
            IReadOnlyList<NodeView> nodes =
            [
                new NodeView("lanaudiere", "pve1", _primaryUp, _primaryUp ? null : "lost", 1, _primaryUp ? now : now - TimeSpan.FromHours(1), now, "1.0.0", now),
                new NodeView("st-bruno", "pve1", _secondaryUp, _secondaryUp ? null : "lost", 1, _secondaryUp ? now : now - TimeSpan.FromHours(1), now, "1.0.0", now),
                new NodeView("ovh", "proxy1", true, null, 1, now, now, "1.0.0", now),
            ];
            return Task.FromResult(nodes);
        });
        var client = Substitute.For<IMqttClient>();
        client.IsConnected.Returns(true);
        var coordinator = new FailoverCoordinator(Microsoft.Extensions.Options.Options.Create(new CatalogOptions { FailoverGroups = [Group()] }),
            Microsoft.Extensions.Options.Options.Create(new FailoverOptions()), store, _audit, client, new TopicScheme(), [_sink], _time,
            NullLogger<FailoverCoordinator>.Instance);
        await coordinator.InitializeAsync(default);
        return coordinator;
    }

    private async Task RoundsAsync(FailoverCoordinator coordinator, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await coordinator.RunRoundAsync(default);
            _time.Advance(TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task RunRound_PrimaryLostPastTheHold_SinkToldOfEveryRoundAndTheDecision()
    {
        var coordinator = await CoordinatorAsync();
        _primaryUp = false;

        await RoundsAsync(coordinator, 16); // 80 s: past the 60 s hold

        Assert.Equal(16, _sink.Observed.Count);
        Assert.All(_sink.Observed, o => Assert.Equal(("public-web", false), o));
        var decision = Assert.Single(_sink.Decisions);
        Assert.Equal((1L, "st-bruno", FailoverReasons.PrimaryUnreachable), (decision.Epoch, decision.Active, decision.Reason));
    }

    [Fact]
    public async Task RunRound_PrimaryAndSecondaryDown_SinkToldItIsBlocked()
    {
        var coordinator = await CoordinatorAsync();
        _primaryUp = false;
        _secondaryUp = false;

        await RoundsAsync(coordinator, 16);

        Assert.Contains(("public-web", true), _sink.Observed);
        Assert.Empty(_sink.Decisions);
    }
}
