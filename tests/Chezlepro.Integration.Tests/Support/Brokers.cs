using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>The broker as production runs it for the collector: persistent, so the collector's durable session
/// (and the QoS 1 messages queued for it) survive a broker restart.</summary>
public static class Brokers
{
    /// <param name="maxQueuedMessages">Per-client queue bound (the chaos suite's overflow case makes it small).</param>
    /// <param name="extraLines">Further configuration lines (for example a <c>log_dest file</c> read while it runs).</param>
    public static Task<MosquittoBroker> StartPersistentAsync(int maxQueuedMessages = 1000000, IEnumerable<string>? extraLines = null)
    {
        var store = Directory.CreateTempSubdirectory("mosquitto-db-").FullName;
        return MosquittoBroker.StartAsync(new MosquittoOptions
        {
            ExtraLines = ["persistence true", $"persistence_location {store}/", "autosave_interval 1", $"max_queued_messages {maxQueuedMessages}", .. extraLines ?? []],
        });
    }
}
