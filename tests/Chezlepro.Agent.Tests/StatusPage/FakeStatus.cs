using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.StatusPage;
using Chezlepro.Agent.StatusPage.Http;

namespace Chezlepro.Agent.Tests.StatusPage;

/// <summary>A site on battery with the WAN down: what the page must show.</summary>
internal static class FakeStatus
{
    public const string Secret = "s3cret-broker-password-7f2a";

    public static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 10, 0, TimeSpan.Zero);

    public static AgentState GridLostState()
    {
        var state = new AgentState { StartedAt = Now.AddHours(-3), BrokerConnected = false, Session = 42, Published = 1200, LastPublishAt = Now.AddMinutes(-7) };
        var victron = new SourceStatus("victron", "victron-gx", TimeSpan.FromSeconds(5))
        {
            Successes = 2100, Failures = 3, LastSuccessAt = Now.AddSeconds(-2), LastPollAt = Now.AddSeconds(-2), LastDuration = TimeSpan.FromMilliseconds(42.4),
        };
        var eg4 = new SourceStatus("eg4", "eg4-ll", TimeSpan.FromSeconds(10))
        {
            Successes = 1000, Failures = 12, ConsecutiveFailures = 2, LastSuccessAt = Now.AddSeconds(-31), LastPollAt = Now.AddSeconds(-1),
            LastDuration = TimeSpan.FromMilliseconds(900), LastError = "unit 4 did not answer",
        };
        state.Sources.Add(victron);
        state.Sources.Add(eg4);
        state.Record(
            [
                new Sample("grid.available", 0), new Sample("grid.voltage", 0, "V"), new Sample("battery.soc", 63.5, "%"),
                new Sample("battery.runtime", 5400, "s"), new Sample("battery.power", -1520, "W"), new Sample("battery.voltage", 52.1, "V"),
                new Sample("ac.out.power", 1500, "W"), new Sample("inverter.state", 9),
                new Sample("battery.pack.2.soc", 64, "%"), new Sample("battery.pack.2.voltage", 52.2, "V"), new Sample("battery.pack.2.cell.min", 3.251, "V"),
                new Sample("battery.pack.3.soc", 62, "%"), new Sample("battery.pack.3.voltage", 52.0, "V"), new Sample("battery.pack.3.cell.min", 3.244, "V"),
            ],
            [
                new HealthResult { Site = "lanaudiere", Node = "pve1", Seq = 0, Ts = Now.AddSeconds(-20), Check = "ceph", Status = HealthStatus.Warning, Summary = "HEALTH_WARN: 1 osds down" },
                new HealthResult { Site = "lanaudiere", Node = "pve1", Seq = 0, Ts = Now.AddSeconds(-20), Check = "proxmox.quorum", Status = HealthStatus.Ok, Summary = "3/3 nodes" },
            ],
            [
                new Alert { Id = "grid-lost", State = AlertState.Raised, Priority = Priority.P2, Source = "victron",
                            Summary = "Panne du réseau électrique — sur batterie", SummaryEn = "Grid lost, running on battery" },
            ]);
        return state;
    }

    public static IOutbox Outbox(Func<OutboxStats> stats)
    {
        var outbox = Substitute.For<IOutbox>();
        outbox.GetStatsAsync(default).ReturnsForAnyArgs(_ => Task.FromResult(stats()));
        return outbox;
    }

    /// <summary>The status server on a free loopback port with only the given state.</summary>
    public static async Task<(StatusServerHandle Server, Uri BaseAddress)> StartAsync(AgentState state, IOutbox outbox, TimeProvider time)
    {
        var agent = Microsoft.Extensions.Options.Options.Create(new AgentOptions { Site = "lanaudiere", Node = "pve1" });
        var server = new StatusHttpServer(Microsoft.Extensions.Options.Options.Create(new StatusPageOptions { Urls = $"http://127.0.0.1:{FreePort.Next()}" }),
            new StatusEndpoints(state, outbox, agent, time), time, NullLogger<StatusHttpServer>.Instance);
        await server.StartAsync(default);
        return (new StatusServerHandle(server), new Uri($"http://127.0.0.1:{server.BoundEndpoints[0].Port}/"));
    }

    public static FakeTimeProvider Clock() => new(Now);
}

/// <summary>Stops and disposes the server at the end of a test.</summary>
internal sealed class StatusServerHandle(StatusHttpServer server) : IAsyncDisposable
{
    public StatusHttpServer Server => server;

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync(default);
        await server.DisposeAsync();
    }
}
