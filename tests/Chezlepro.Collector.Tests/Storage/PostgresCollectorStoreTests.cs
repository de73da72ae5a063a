using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The store contract on a real PostgreSQL started by the test.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresCollectorStoreTests(PostgresServerFixture postgres) : CollectorStoreContractTests, IClassFixture<PostgresServerFixture>
{
    private readonly string _database = "store_" + Guid.NewGuid().ToString("N")[..12];

    private bool _created;

    protected override async Task<ICollectorStore> OpenAsync()
    {
        if (!_created)
        {
            _created = true;
            await using var c = new NpgsqlConnection(postgres.Server.ConnectionString);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database};", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return new PostgresCollectorStore(new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = _database }.ToString());
    }

    protected override async Task CleanUpAsync()
    {
        await using var c = new NpgsqlConnection(postgres.Server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE);", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
