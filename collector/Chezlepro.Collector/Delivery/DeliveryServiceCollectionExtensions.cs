using Chezlepro.Collector.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Collector.Delivery;

/// <summary>Registers the delivery watermark (after the storage, whose store keeps it).</summary>
public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Adds the delivery store view, the counters, the watermark publisher and its group sweep.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        // Both homes keep the delivery state in their ICollectorStore (same tables, same transaction as the messages), so
        // the view is the store in use, whatever replaced it (a wrapper must pass IDeliveryStore through).
        services.AddSingleton(sp => sp.GetRequiredService<ICollectorStore>() as IDeliveryStore
            ?? throw new InvalidOperationException("The ICollectorStore in use keeps no delivery state: it must implement IDeliveryStore."));
        services.AddSingleton<DeliveryCounters>();
        services.AddSingleton<WatermarkPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<WatermarkPublisher>());
        services.AddHostedService<WatermarkSweepService>();
        return services;
    }
}
