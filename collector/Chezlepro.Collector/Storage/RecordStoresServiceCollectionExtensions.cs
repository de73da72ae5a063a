using Chezlepro.Collector.DrTests;
using Chezlepro.Collector.Incidents.Notices;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.RestoreTests;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Storage;

/// <summary>Registers the notice and DR test stores of the backend <c>Collector:Store</c> names (each creates its tables on first use).</summary>
public static class RecordStoresServiceCollectionExtensions
{
    /// <summary>Adds <see cref="INoticeStore"/> and <see cref="IDrTestStore"/>.</summary>
    public static IServiceCollection AddRecordStores(this IServiceCollection services)
    {
        services.AddSingleton<INoticeStore>(sp => Options(sp) is { StoreKind: StoreKind.Postgres } o
            ? new PostgresNoticeStore(o.ConnectionString!)
            : new SqliteNoticeStore(Path.Combine(Options(sp).DataDirectory, "notices.db")));
        services.AddSingleton<IDrTestStore>(sp => Options(sp) is { StoreKind: StoreKind.Postgres } o
            ? new PostgresDrTestStore(o.ConnectionString!)
            : new SqliteDrTestStore(Path.Combine(Options(sp).DataDirectory, "drtests.db")));
        services.AddSingleton<IRestoreTestStore>(sp => Options(sp) is { StoreKind: StoreKind.Postgres } o
            ? new PostgresRestoreTestStore(o.ConnectionString!)
            : new SqliteRestoreTestStore(Path.Combine(Options(sp).DataDirectory, "restoretests.db")));
        return services;
    }

    private static CollectorOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<CollectorOptions>>().Value;
}
