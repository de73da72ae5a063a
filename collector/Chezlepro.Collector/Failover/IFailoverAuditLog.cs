namespace Chezlepro.Collector.Failover;

/// <summary>Append-only record of every failover decision with its evidence.</summary>
public interface IFailoverAuditLog : IAsyncDisposable
{
    /// <summary>Opens the log and creates its table.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Appends one decision; a second record with the same (group, epoch) is refused.</summary>
    Task AppendAsync(FailoverRecord record, CancellationToken cancellationToken);

    /// <summary>Per group: the highest epoch ever written and the last decision consumers apply (not advisory).</summary>
    Task<IReadOnlyDictionary<string, (long Epoch, FailoverRecord? LastApplied)>> LoadResumePointsAsync(CancellationToken cancellationToken);

    /// <summary>The most recent decisions of a group, newest first.</summary>
    Task<IReadOnlyList<FailoverRecord>> ListAsync(string group, int limit, CancellationToken cancellationToken);
}
