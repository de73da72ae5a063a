using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Faults;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Chaos;

/// <summary>Issue #15: the agent's connection goes half-open (its packets vanish, nobody closes anything).</summary>
[Trait("Category", "Chaos")]
public sealed class NetworkChaosTests(ITestOutputHelper output)
{
    private const int KeepAlive = 5; // the shortest the agent accepts

    [Fact]
    public async Task HalfOpenAgentConnection_KeepaliveDetectsIt_EverySeqStoredOnce()
    {
        await using var rig = await ChaosRig.StartAsync();
        await using var proxy = FaultProxy.Start(rig.Broker.Port);
        var agent = rig.Agent(proxy.Port, keepAliveSeconds: KeepAlive);
        agent.Start();
        await rig.WaitStoredAsync(3, agent, "first messages");

        // Agent to broker goes silent: publishes and PINGREQs vanish, the socket stays open, no close reaches anyone.
        var connections = proxy.ConnectionsAccepted;
        var atFault = await ChaosAgent.LastAssignedAsync(agent);
        proxy.HalfOpen(FaultDirection.ToTarget);
        var detected = await Eventually.HoldsAsync(() => Task.FromResult(proxy.ConnectionsAccepted > connections),
            TimeSpan.FromSeconds(6 * KeepAlive), () => "agent gave up the dead connection\n" + agent.Log);
        var dropped = proxy.BytesDropped;
        proxy.Pass();

        Assert.True(dropped > 0, "nothing was sent into the half-open connection");
        await Eventually.HoldsAsync(async () => await ChaosAgent.LastAssignedAsync(agent) >= atFault + 2, TimeSpan.FromSeconds(20), "agent producing");
        var last = await ChaosAgent.LastAssignedAsync(agent);
        output.WriteLine($"half-open after seq {atFault}: agent reconnected {detected.TotalSeconds:F1} s later (keepalive {KeepAlive} s), {dropped} bytes vanished");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(rig.Collector, agent, last, output);
    }
}
