using System.Text.Json;
using Chezlepro.Collector.Ingest;
using Chezlepro.Mqtt;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>
/// Counts what reaches the collector's ingest, as it arrives: the collector's own MQTT client hands each batch to the
/// ingest handler, and this tap wraps that handler. "Stored once" is then an observation (every delivery counted,
/// received against stored, and against the collector's own duplicate counter), not a consequence of UNIQUE.
/// </summary>
public sealed class IngestTap
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(string Node, long Seq)> _deliveries = [];
    private readonly IngestCounters _counters;

    private IngestTap(IngestCounters counters) => _counters = counters;

    /// <summary>Wraps the handler the ingest service set on the collector's client; call before the collector starts.</summary>
    public static IngestTap Install(IMqttClient client, IngestCounters counters)
    {
        var inner = client.BatchMessageHandler ?? throw new InvalidOperationException("the ingest service has not set its handler yet");
        var tap = new IngestTap(counters);
        client.BatchMessageHandler = async (batch, ct) =>
        {
            // One batch at a time, processed and then recorded, under the lock that Snapshot takes: a snapshot never
            // sees the collector's counters ahead of (or behind) the deliveries recorded here.
            await tap._gate.WaitAsync(ct);
            try
            {
                await inner(batch, ct);
                foreach (var m in batch)
                {
                    if (Parse(m) is { } d) tap._deliveries.Add(d);
                }
            }
            finally
            {
                tap._gate.Release();
            }
        };
        return tap;
    }

    /// <summary>Deliveries of one node's sequenced messages (telemetry, health, alerts) so far, with the collector's duplicate count.</summary>
    public async Task<(IReadOnlyList<long> Seqs, long DuplicatesCounted)> SnapshotAsync(string site, string node)
    {
        await _gate.WaitAsync();
        try
        {
            return (_deliveries.Where(d => d.Node == $"{site}/{node}").Select(d => d.Seq).ToList(), _counters.Get(IngestResult.Duplicate));
        }
        finally
        {
            _gate.Release();
        }
    }

    // chezlepro/v1/<site>/<node>/<kind>/...: status messages carry no seq and are not counted.
    private static (string Node, long Seq)? Parse(MqttApplicationMessage m)
    {
        var parts = m.Topic.Split('/');
        if (parts.Length < 5 || parts[0] != "chezlepro" || parts[1] != "v1" || parts[4] == "status") return null;
        try
        {
            using var doc = JsonDocument.Parse(m.Payload);
            return doc.RootElement.TryGetProperty("seq", out var seq) ? ($"{parts[2]}/{parts[3]}", seq.GetInt64()) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
