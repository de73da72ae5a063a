using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

public sealed class SqliteEvidenceJournalTests : EvidenceJournalContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("evidence-").FullName;

    private string PathDb => Path.Combine(_dir, "evidence.db");

    protected override Task<IEvidenceStore> CreateStoreAsync() => Task.FromResult<IEvidenceStore>(new SqliteEvidenceStore(PathDb));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Reopened_ContinuesTheChain_AndRefusesAnUpdate()
    {
        var first = await Journal.AppendAsync(Entry(1), default);
        await using (var other = new SqliteEvidenceStore(PathDb))
        {
            await other.InitializeAsync(default);
            Assert.Equal(new EvidenceTail(1, first.Hash), await other.TailAsync(default));
        }
        await using var c = new SqliteConnection($"Data Source={PathDb};Pooling=false");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE evidence SET subject = 'x' WHERE seq = 1;";
        var ex = await Assert.ThrowsAsync<SqliteException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
    }
}
