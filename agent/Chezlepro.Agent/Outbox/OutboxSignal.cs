using System.Threading.Channels;

namespace Chezlepro.Agent.Outbox;

/// <summary>Wakes the forwarder when a poll has appended something, so data leaves without polling delay.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>Something was appended (or the connection came up).</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a notification or the timeout, whichever is first; never throws for the timeout.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _)) return;
        using var cts = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, cancellationToken);
        // A timeout is the normal idle outcome: awaited without throwing (an exception per wake-up is real CPU).
        await ((Task)_channel.Reader.WaitToReadAsync(linked.Token).AsTask()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        _channel.Reader.TryRead(out _);
    }
}
