using Chezlepro.Mqtt;

namespace Chezlepro.Agent.Tests.Forwarding;

/// <summary>An in-memory MQTT client: every QoS 1 publish gets its PUBACK at once unless <see cref="FailPublishes"/>.</summary>
internal sealed class FakeMqttClient : IMqttClient
{
    private readonly List<MqttApplicationMessage> _published = [];
    private readonly List<TaskCompletionSource> _held = [];

    public bool IsConnected { get; private set; }

    public bool FailPublishes { get; set; }

    /// <summary>Publishes wait for <see cref="ReleaseHeld"/> instead of getting their PUBACK at once.</summary>
    public bool HoldPubacks { get; set; }

    /// <summary>The held publishes get their PUBACK, in order (as a durable session would deliver them late).</summary>
    public void ReleaseHeld()
    {
        TaskCompletionSource[] held;
        lock (_published)
        {
            held = [.. _held];
            _held.Clear();
        }
        foreach (var h in held) h.TrySetResult();
    }

    public List<MqttTopicFilter> Subscriptions { get; } = [];

    public Func<CancellationToken, ValueTask<MqttApplicationMessage?>>? WillFactory { get; set; }

    public Func<MqttConnectedEventArgs, CancellationToken, Task>? ConnectedHandler { get; set; }

    public Func<MqttDisconnectedEventArgs, Task>? DisconnectedHandler { get; set; }

    public Func<MqttApplicationMessage, CancellationToken, Task>? MessageHandler { get; set; }

    public Func<IReadOnlyList<MqttApplicationMessage>, CancellationToken, Task>? BatchMessageHandler { get; set; }

    /// <summary>Everything published, in order.</summary>
    public IReadOnlyList<MqttApplicationMessage> Published
    {
        get
        {
            lock (_published) return _published.ToList();
        }
    }

    public void ClearPublished()
    {
        lock (_published) _published.Clear();
    }

    /// <summary>A new connection, as the real client reports it (after re-subscribing).</summary>
    public async Task ConnectAsync()
    {
        IsConnected = true;
        if (ConnectedHandler is { } handler) await handler(new MqttConnectedEventArgs(false, 1), default);
    }

    public async Task DisconnectAsync()
    {
        IsConnected = false;
        if (DisconnectedHandler is { } handler) await handler(new MqttDisconnectedEventArgs("test", null, false));
    }

    /// <summary>A PUBLISH from the broker (for example a collector's retained watermark).</summary>
    public Task DeliverAsync(string topic, string payload) =>
        MessageHandler!(new MqttApplicationMessage(topic, System.Text.Encoding.UTF8.GetBytes(payload), MqttQualityOfService.AtLeastOnce, Retain: true), default);

    public Task StartAsync(CancellationToken cancellationToken) => ConnectAsync();

    public Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (!IsConnected) return Task.FromException(new MqttNotConnectedException("not connected"));
        if (FailPublishes) return Task.FromException(new MqttConnectionLostException("lost"));
        lock (_published)
        {
            _published.Add(message);
            if (!HoldPubacks) return Task.CompletedTask;
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held.Add(held);
            return held.Task;
        }
    }

    public Task SubscribeAsync(IReadOnlyList<MqttTopicFilter> filters, CancellationToken cancellationToken)
    {
        Subscriptions.AddRange(filters);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        IsConnected = false;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
