using System.Text.Json.Nodes;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Integration.Tests.Chaos;

/// <summary>
/// What every chaos case starts from: a persistent Mosquitto and a collector process already subscribed; agents made
/// through the rig (tuned by <see cref="ChaosAgent"/>) are killed and their folders removed with it.
/// </summary>
public sealed class ChaosRig : IAsyncDisposable
{
    private readonly List<AgentProcess> _agents = [];

    private readonly string _brokerLog;

    private ChaosRig(MosquittoBroker broker, CollectorProcess collector, string brokerLog)
    {
        Broker = broker;
        Collector = collector;
        _brokerLog = brokerLog;
    }

    public MosquittoBroker Broker { get; }

    public CollectorProcess Collector { get; }

    public static async Task<ChaosRig> StartAsync(int maxQueuedMessages = 1000000)
    {
        // Mosquitto's stdout reaches MosquittoBroker's log in 4 KB blocks; its own log file is written line by line.
        var brokerLog = Path.Combine(Directory.CreateTempSubdirectory("chaos-broker-log-").FullName, "mosquitto.log");
        var broker = await Brokers.StartPersistentAsync(maxQueuedMessages, [$"log_dest file {brokerLog}"]);
        var collector = new CollectorProcess(broker.Port);
        var rig = new ChaosRig(broker, collector, brokerLog);
        await collector.StartAndWaitAsync();
        return rig;
    }

    /// <summary>A new agent (not started) on the broker, or on <paramref name="port"/> (a fault proxy in front of it).</summary>
    public AgentProcess Agent(int? port = null, string? dataDirectory = null, int keepAliveSeconds = 5, Action<JsonObject>? amend = null,
        IEnumerable<JsonObject>? extraSources = null)
    {
        var agent = ChaosAgent.Create(port ?? Broker.Port, dataDirectory, keepAliveSeconds, amend, extraSources);
        _agents.Add(agent);
        return agent;
    }

    /// <summary>Waits until the collector has stored <paramref name="count"/> of the node's messages.</summary>
    public Task WaitStoredAsync(int count, AgentProcess agent, string what, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(() => Task.FromResult(StoredCount() >= count), timeout ?? TimeSpan.FromSeconds(40),
            () => $"{what}: {count} messages stored\nagent:\n{agent.Log}\ncollector:\n{Collector.Log}");

    /// <summary>The broker's log so far, line by line as Mosquitto wrote it.</summary>
    public string BrokerLog()
    {
        try
        {
            using var stream = new FileStream(_brokerLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    public int StoredCount() => Collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Count;

    public async ValueTask DisposeAsync()
    {
        // Later agents reuse earlier agents' folders: the last made goes first.
        for (var i = _agents.Count - 1; i >= 0; i--) await _agents[i].DisposeAsync();
        await Collector.DisposeAsync();
        await Broker.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_brokerLog)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
