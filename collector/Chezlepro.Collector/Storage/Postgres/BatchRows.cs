using Chezlepro.Collector.Storage.Watermarks;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// One ingest batch taken apart by table, in the orders the statements need: nodes and checks sorted (rows and locks are
/// always taken in that order, so two collectors storing the same nodes cannot deadlock), messages in arrival order.
/// </summary>
internal sealed class BatchRows
{
    /// <summary>Takes the batch apart.</summary>
    public BatchRows(IReadOnlyList<IngestItem> items, DateTimeOffset receivedAt)
    {
        Delivery = new DeliveryBatch(receivedAt);
        var nodes = new SortedDictionary<(string, string), (long? LastSeen, bool HasMessage)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            Delivery.Add(item);
            if (item.Payload is StatusMessage s)
            {
                if (!nodes.ContainsKey((s.Site, s.Node))) nodes[(s.Site, s.Node)] = (null, false);
                continue;
            }
            if (item.Message is not { } m) continue;
            Messages.Add((i, m));
            var ts = m.Ts.ToUnixTimeMilliseconds();
            nodes[(m.Site, m.Node)] = nodes.TryGetValue((m.Site, m.Node), out var n) && n.LastSeen is { } seen
                ? (Math.Max(seen, ts), true)
                : (ts, true);
            if (item.Payload is HealthResult h)
            {
                var key = (m.Site, m.Node, h.Check);
                Checks[key] = Checks.TryGetValue(key, out var oldest) ? Math.Min(oldest, ts) : ts;
            }
        }
        Nodes = nodes.Select(p => (p.Key.Item1, p.Key.Item2, p.Value.LastSeen, p.Value.HasMessage)).ToList();
    }

    /// <summary>What the batch tells each node's delivery.</summary>
    public DeliveryBatch Delivery { get; }

    /// <summary>Nodes with a message or a status, sorted; last seen = newest message capture (null: status only).</summary>
    public List<(string Site, string Node, long? LastSeen, bool HasMessage)> Nodes { get; }

    /// <summary>Messages with their item index, in arrival order.</summary>
    public List<(int Index, StoredMessage Message)> Messages { get; } = [];

    /// <summary>Checks with a health result in the batch (sorted) and their oldest result's time.</summary>
    public SortedDictionary<(string Site, string Node, string Check), long> Checks { get; } = new();
}
