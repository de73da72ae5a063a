using Chezlepro.Collector.Storage.Formats;

namespace Chezlepro.Collector.Storage;

/// <summary>Append-only record of every failover decision with its evidence, in the stored format.</summary>
public interface IFailoverAuditLog : IAsyncDisposable
{
    /// <summary>Opens the log and creates its table.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Appends one decision; a second record with the same (group, epoch) is refused with <see cref="FailoverAppendRefusedException"/>.</summary>
    Task AppendAsync(StoredFailoverRecord record, CancellationToken cancellationToken);

    /// <summary>Per group: the highest epoch ever written and the last decision consumers apply (not advisory).</summary>
    Task<IReadOnlyDictionary<string, (long Epoch, StoredFailoverRecord? LastApplied)>> LoadResumePointsAsync(CancellationToken cancellationToken);

    /// <summary>The most recent decisions of a group, newest first.</summary>
    Task<IReadOnlyList<StoredFailoverRecord>> ListAsync(string group, int limit, CancellationToken cancellationToken);
}
