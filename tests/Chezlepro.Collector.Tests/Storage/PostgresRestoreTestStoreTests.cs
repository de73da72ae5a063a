using Chezlepro.Collector.RestoreTests;
using Chezlepro.Collector.Storage.Postgres;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The restore-test store's contract on a real PostgreSQL started by the test; each test its own database.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresRestoreTestStoreTests(PostgresServerFixture postgres) : RestoreTestStoreContractTests, IClassFixture<PostgresServerFixture>
{
    private readonly string _database = "restoretests_" + Guid.NewGuid().ToString("N")[..12];

    public override async Task InitializeAsync()
    {
        await using var c = new NpgsqlConnection(postgres.Server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database};", c);
        await cmd.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await using var c = new NpgsqlConnection(postgres.Server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE);", c);
        await cmd.ExecuteNonQueryAsync();
    }

    protected override Task<IRestoreTestStore> OpenAsync() =>
        Task.FromResult<IRestoreTestStore>(new PostgresRestoreTestStore(new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = _database }.ToString()));

    protected override ValueTask CloseAsync(IRestoreTestStore store) => ((IAsyncDisposable)store).DisposeAsync();
}
