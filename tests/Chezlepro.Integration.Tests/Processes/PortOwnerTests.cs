using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Processes;
using Xunit;

namespace Chezlepro.Integration.Tests.Processes;

/// <summary>
/// The guard behind a CI failure of 2026-12-06: ProductionConfigTests' broker could not bind a port another test
/// project's broker held, the start-up probe reached that other broker, and an anonymous client was accepted there.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PortOwnerTests
{
    [Fact]
    public void OwnListener_IsOurs_AnotherProcesssIsNot_NoneIsNot()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Assert.True(PortOwner.IsListening(Environment.ProcessId, port));

        using var other = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            Assert.False(PortOwner.IsListening(other.Id, port));
        }
        finally
        {
            other.Kill();
        }
        listener.Stop();
        Assert.False(PortOwner.IsListening(Environment.ProcessId, port));
    }

    [Fact]
    public async Task BrokerOnAPortAnotherProcessHolds_RefusesToStart_SaysThePortIsTaken()
    {
        await using var holder = await MosquittoBroker.StartAsync();
        var ex = await Assert.ThrowsAsync<PortTakenException>(() => MosquittoBroker.StartAsync(port: holder.Port));
        Assert.Equal(holder.Port, ex.Port);

        // Without a port given, the broker picks another one and starts.
        await using var next = await MosquittoBroker.StartAsync();
        Assert.NotEqual(holder.Port, next.Port);
        Assert.True(next.IsRunning);
    }
}
