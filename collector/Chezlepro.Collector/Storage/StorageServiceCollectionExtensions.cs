using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Storage;

/// <summary>Registers the store, the failover audit log and the leadership of the backend <c>Collector:Store</c> names.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ICollectorStore"/>, <see cref="IFailoverAuditLog"/> and <see cref="ILeadership"/>. The one place
    /// that chooses a backend: a new store is a folder with its <see cref="StorageBackend"/> factory and one line here.
    /// </summary>
    public static IServiceCollection AddCollectorStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CollectorOptions>>().Value;
            return options.StoreKind switch
            {
                StoreKind.Sqlite => SqliteStorage.Create(options),
                StoreKind.Postgres => PostgresStorage.Create(options, sp.GetRequiredService<ILoggerFactory>()),
                // Unreachable once the options validated at start; stated so a new kind cannot silently fall through.
                _ => throw new OptionsValidationException(CollectorOptions.SectionName, typeof(CollectorOptions),
                    [$"Collector:Store = '{options.Store}': must be sqlite or postgres."]),
            };
        });
        // Each part is resolved through the backend, so the container disposes each once.
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Store);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().AuditLog);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Leadership);
        services.AddRecordStores();
        services.AddSingleton(sp => EvidenceStores.Create(sp.GetRequiredService<IOptions<CollectorOptions>>().Value));
        return services;
    }
}
