using System.Threading.Channels;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>Collects what a client receives so a test can wait for it.</summary>
internal sealed class MessageCollector
{
    private readonly Channel<MqttApplicationMessage> _messages = Channel.CreateUnbounded<MqttApplicationMessage>();

    public Func<MqttApplicationMessage, CancellationToken, Task> Handler => (m, _) =>
    {
        _messages.Writer.TryWrite(m);
        return Task.CompletedTask;
    };

    public async Task<MqttApplicationMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _messages.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Null when nothing arrives within <paramref name="window"/>.</summary>
    public async Task<MqttApplicationMessage?> NextOrNullAsync(TimeSpan window)
    {
        using var cts = new CancellationTokenSource(window);
        try
        {
            return await _messages.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
