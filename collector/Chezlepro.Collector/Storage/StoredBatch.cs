using System.Collections;
using Chezlepro.Collector.Storage.Watermarks;

namespace Chezlepro.Collector.Storage;

/// <summary>
/// What storing a batch did: one <see cref="StoreOutcome"/> per item, in the items' order, and the delivery watermark each
/// node the batch named (a message, a rejected seq or a notice) has after the commit. The watermarks are the values the
/// transaction wrote under the nodes' row locks, so with several collectors on one database they are the shared ones:
/// ingest hands them to the watermark publisher without reading the store again (issue #16, one round trip less per batch).
/// </summary>
public sealed class StoredBatch : IReadOnlyList<StoreOutcome>
{
    private readonly StoreOutcome[] _outcomes;

    /// <summary>Creates the result of one stored batch.</summary>
    public StoredBatch(StoreOutcome[] outcomes, IReadOnlyList<NodeWatermark> watermarks)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(watermarks);
        _outcomes = outcomes;
        Watermarks = watermarks;
    }

    /// <summary>The committed watermark of every node the batch named with a seq (a node known only by a status is not here).</summary>
    public IReadOnlyList<NodeWatermark> Watermarks { get; }

    /// <inheritdoc />
    public StoreOutcome this[int index] => _outcomes[index];

    /// <inheritdoc />
    public int Count => _outcomes.Length;

    /// <inheritdoc />
    public IEnumerator<StoreOutcome> GetEnumerator() => ((IEnumerable<StoreOutcome>)_outcomes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
