using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.RestoreTests;

/// <summary>Registers restore tests: their options, the store of the backend <c>Collector:Store</c> names, and the leader's round.</summary>
public static class RestoreTestServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IRestoreTestStore"/>, <see cref="RestoreTestOptions"/> (validated at start) and <see cref="EvidenceBackupService"/>.</summary>
    public static IServiceCollection AddRestoreTests(this IServiceCollection services)
    {
        services.AddOptions<RestoreTestOptions>().BindConfiguration(RestoreTestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RestoreTestOptions>, RestoreTestOptionsValidator>();
        services.AddSingleton<IRestoreTestStore>(sp => sp.GetRequiredService<IOptions<CollectorOptions>>().Value is { StoreKind: StoreKind.Postgres } o
            ? new PostgresRestoreTestStore(o.ConnectionString!)
            : new SqliteRestoreTestStore(Path.Combine(sp.GetRequiredService<IOptions<CollectorOptions>>().Value.DataDirectory, "restoretests.db")));
        services.AddHostedService<EvidenceBackupService>();
        return services;
    }
}
