using Chezlepro.Collector.DrTests;
using Chezlepro.Collector.Incidents.Notices;
using Chezlepro.Collector.Storage.Postgres;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The record stores' contract on a real PostgreSQL started by the test; each test its own database.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresRecordStoreTests(PostgresServerFixture postgres) : RecordStoreContractTests, IClassFixture<PostgresServerFixture>
{
    private readonly string _database = "records_" + Guid.NewGuid().ToString("N")[..12];

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

    protected override Task<(INoticeStore Notices, IDrTestStore DrTests)> OpenAsync()
    {
        var cs = new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = _database }.ToString();
        return Task.FromResult<(INoticeStore, IDrTestStore)>((new PostgresNoticeStore(cs), new PostgresDrTestStore(cs)));
    }

    protected override async ValueTask CloseAsync(INoticeStore notices, IDrTestStore drTests)
    {
        await ((IAsyncDisposable)notices).DisposeAsync();
        await ((IAsyncDisposable)drTests).DisposeAsync();
    }
}
