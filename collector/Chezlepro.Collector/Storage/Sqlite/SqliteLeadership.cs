namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>
/// Leadership with SQLite: the store is one file of one collector, so there is never a second collector to
/// defer to and this one always leads.
/// </summary>
public sealed class SqliteLeadership : ILeadership
{
    /// <inheritdoc />
    public bool Shared => false;

    /// <inheritdoc />
    public bool IsLeader { get; private set; }

    /// <inheritdoc />
    public Task<bool> HoldAsync(CancellationToken cancellationToken) => Task.FromResult(IsLeader = true);
}
