using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

/// <summary>A test class's own evidence store in a temporary directory, removed afterwards.</summary>
public abstract class SqliteEvidenceFixture : IAsyncLifetime
{
    protected string Dir { get; } = Directory.CreateTempSubdirectory("evidence-").FullName;

    protected SqliteEvidenceStore Store { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Store = new SqliteEvidenceStore(Path.Combine(Dir, "evidence.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
    }
}
