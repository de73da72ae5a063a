using Chezlepro.Testing.RabbitMq;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>One private RabbitMQ node per test class: its start costs seconds.</summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    public RabbitMqBroker Broker { get; private set; } = null!;

    public async Task InitializeAsync() => Broker = await RabbitMqBroker.StartAsync();

    public async Task DisposeAsync() => await Broker.DisposeAsync();
}
