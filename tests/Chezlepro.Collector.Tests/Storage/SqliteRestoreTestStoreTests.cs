using Chezlepro.Collector.RestoreTests;
using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The restore-test store's contract on a real SQLite file.</summary>
public sealed class SqliteRestoreTestStoreTests : RestoreTestStoreContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("restoretests-").FullName;

    protected override Task<IRestoreTestStore> OpenAsync() => Task.FromResult<IRestoreTestStore>(new SqliteRestoreTestStore(Path.Combine(_dir, "restoretests.db")));

    protected override ValueTask CloseAsync(IRestoreTestStore store)
    {
        ((IDisposable)store).Dispose();
        return ValueTask.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
