using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    private static ServiceProvider Provider(string store) => new ServiceCollection()
        .AddSingleton(Microsoft.Extensions.Options.Options.Create(new CollectorOptions { Store = store, DataDirectory = "/nonexistent", ConnectionString = "Host=127.0.0.1;Port=1" }))
        .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
        .AddCollectorStorage()
        .BuildServiceProvider();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("Sqlite")]
    public async Task AddCollectorStorage_Sqlite_EveryPartFromTheSqliteHome(string store)
    {
        await using var sp = Provider(store);
        Assert.IsType<SqliteCollectorStore>(sp.GetRequiredService<ICollectorStore>());
        Assert.IsType<SqliteFailoverAuditLog>(sp.GetRequiredService<IFailoverAuditLog>());
        Assert.IsType<SqliteLeadership>(sp.GetRequiredService<ILeadership>());
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("POSTGRES")]
    public async Task AddCollectorStorage_Postgres_EveryPartFromThePostgresHome(string store)
    {
        await using var sp = Provider(store);
        Assert.IsType<PostgresCollectorStore>(sp.GetRequiredService<ICollectorStore>());
        Assert.IsType<PostgresFailoverAuditLog>(sp.GetRequiredService<IFailoverAuditLog>());
        Assert.IsType<PostgresLeadership>(sp.GetRequiredService<ILeadership>());
    }

    [Fact]
    public async Task AddCollectorStorage_UnknownStore_NoSilentFallback()
    {
        await using var sp = Provider("mysql");
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => sp.GetRequiredService<ICollectorStore>());
        Assert.Contains("Collector:Store = 'mysql'", ex.Message, StringComparison.Ordinal);
    }
}
