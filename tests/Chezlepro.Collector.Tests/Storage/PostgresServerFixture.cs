using Chezlepro.Testing.Postgres;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>One private PostgreSQL for the store tests of a class; each test gets its own database.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
