namespace Chezlepro.Collector.RestoreTests;

/// <summary>Restore tests (own table on SQLite and PostgreSQL); append-only, one row per <see cref="RestoreTest.Key"/>.</summary>
public interface IRestoreTestStore
{
    /// <summary>Stores the test; false when a test with the same key is already stored (that one stands).</summary>
    Task<bool> AddAsync(RestoreTest test, CancellationToken cancellationToken);

    /// <summary>Tests started, or requested, in [from, to), by start then key.</summary>
    Task<IReadOnlyList<RestoreTest>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
