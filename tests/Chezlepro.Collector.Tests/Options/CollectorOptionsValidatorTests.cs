using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Options;
using Microsoft.Extensions.Options;
using Xunit;

namespace Chezlepro.Collector.Tests.Options;

public sealed class CollectorOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(string store, string? connectionString = null) =>
        new CollectorOptionsValidator().Validate(null, new CollectorOptions { Store = store, ConnectionString = connectionString });

    [Theory]
    [InlineData("mysql")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("sqlite,postgres")]
    public void Validate_UnknownStore_RefusedWithKeyAndValue(string store)
    {
        var result = Validate(store);
        Assert.True(result.Failed);
        Assert.Contains($"Collector:Store = '{store}': must be sqlite or postgres / doit valoir sqlite ou postgres.", result.Failures!);
    }

    [Theory]
    [InlineData("sqlite", StoreKind.Sqlite)]
    [InlineData("SQLite", StoreKind.Sqlite)]
    [InlineData("postgres", StoreKind.Postgres)]
    [InlineData("Postgres", StoreKind.Postgres)]
    public void Validate_KnownStoreInAnyCase_AcceptedAndNamed(string store, StoreKind kind)
    {
        Assert.True(Validate(store, "Host=db").Succeeded);
        Assert.Equal(kind, new CollectorOptions { Store = store }.StoreKind);
    }

    [Fact]
    public void Validate_PostgresInAnyCaseWithoutConnectionString_Refused()
    {
        Assert.Contains("Collector:ConnectionString is required when Collector:Store = 'postgres' / est requis quand Collector:Store = 'postgres'.",
            Validate("POSTGRES").Failures!);
    }

    [Fact]
    public async Task Start_UnknownStore_StopsWithKeyAndValueBeforeAnythingOpens()
    {
        var dir = Directory.CreateTempSubdirectory("store-kind-").FullName;
        try
        {
            await using var app = CollectorApp.Build([$"--Collector:DataDirectory={dir}", "--Collector:Store=mysql", "--Collector:Urls=http://127.0.0.1:0",
                "--Logging:File:Enabled=false", "--Mqtt:Port=1"]);

            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains(ex.Failures, f => f.StartsWith("Collector:Store = 'mysql': must be sqlite or postgres / ", StringComparison.Ordinal));
            Assert.Empty(Directory.GetFileSystemEntries(dir)); // no store file was created: the value was refused first
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
