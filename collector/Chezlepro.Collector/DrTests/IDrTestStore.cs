namespace Chezlepro.Collector.DrTests;

/// <summary>Where DR tests are kept (SQLite or PostgreSQL, <c>Storage/*/…DrTestStore</c>); append-only.</summary>
public interface IDrTestStore
{
    /// <summary>Stores a test and returns it with its id.</summary>
    Task<DrTest> AddAsync(DrTest test, CancellationToken cancellationToken);

    /// <summary>Every test, newest date first.</summary>
    Task<IReadOnlyList<DrTest>> ListAsync(CancellationToken cancellationToken);
}
