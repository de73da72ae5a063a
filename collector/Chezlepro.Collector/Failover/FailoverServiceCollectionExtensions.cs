using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Failover;

/// <summary>Registers failover decisions and the NOC stream (call after <c>AddCollector</c>, with <c>Catalog</c> options bound).</summary>
public static class FailoverServiceCollectionExtensions
{
    /// <summary>Adds the failover coordinator, its hosted service, the audit log and the NOC publisher.</summary>
    public static IServiceCollection AddFailover(this IServiceCollection services)
    {
        services.AddOptions<FailoverOptions>().BindConfiguration(FailoverOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FailoverOptions>, FailoverOptionsValidator>();
        // PostgreSQL: several collectors share the audit log and the leadership lock; SQLite: one collector, its own file.
        services.AddSingleton<ILeadership>(sp =>
        {
            var collector = sp.GetRequiredService<IOptions<CollectorOptions>>().Value;
            return collector.Store == "postgres"
                ? new PostgresLeadership(collector.ConnectionString!, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PostgresLeadership>>())
                : new SqliteLeadership();
        });
        services.AddSingleton<IFailoverAuditLog>(sp =>
        {
            var collector = sp.GetRequiredService<IOptions<CollectorOptions>>();
            return collector.Value.Store == "postgres"
                ? new PostgresFailoverAuditLog(collector.Value.ConnectionString!, (PostgresLeadership)sp.GetRequiredService<ILeadership>())
                : new SqliteFailoverAuditLog(collector);
        });
        services.AddSingleton<NocPublisher>();
        services.AddSingleton<FailoverCoordinator>();
        services.AddHostedService<FailoverService>();
        services.AddHostedService<NocNodeWatcher>();
        services.AddHostedService<NocServiceLevelWatcher>();
        return services;
    }
}
