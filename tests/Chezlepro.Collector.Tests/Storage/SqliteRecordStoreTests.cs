using Chezlepro.Collector.DrTests;
using Chezlepro.Collector.Incidents.Notices;
using Chezlepro.Collector.Storage.Sqlite;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The record stores' contract on real SQLite files.</summary>
public sealed class SqliteRecordStoreTests : RecordStoreContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("records-").FullName;

    protected override Task<(INoticeStore Notices, IDrTestStore DrTests)> OpenAsync() =>
        Task.FromResult<(INoticeStore, IDrTestStore)>((new SqliteNoticeStore(Path.Combine(_dir, "notices.db")), new SqliteDrTestStore(Path.Combine(_dir, "drtests.db"))));

    protected override ValueTask CloseAsync(INoticeStore notices, IDrTestStore drTests)
    {
        ((IDisposable)notices).Dispose();
        ((IDisposable)drTests).Dispose();
        return ValueTask.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
