using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The store contract on a real SQLite file.</summary>
public sealed class SqliteCollectorStoreTests : CollectorStoreContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("store-").FullName;

    protected override Task<ICollectorStore> OpenAsync() =>
        Task.FromResult<ICollectorStore>(new SqliteCollectorStore(Path.Combine(_dir, "collector.db")));

    protected override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
