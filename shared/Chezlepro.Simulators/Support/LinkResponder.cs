using Chezlepro.Modbus.Serial;

namespace Chezlepro.Simulators.Support;

/// <summary>
/// Runs a device loop on a byte link (the device end of a <see cref="PtyPair"/>): accumulates bytes, lets the
/// framer pull complete requests out, writes whatever the device answers.
/// </summary>
public sealed class LinkResponder : IAsyncDisposable
{
    private readonly IByteLink _link;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts the loop.</summary>
    /// <param name="link">Opened link (owned).</param>
    /// <param name="framer">Given the buffer, returns (bytes consumed, reply or null); consumed 0 means "need more".</param>
    public LinkResponder(IByteLink link, Func<ReadOnlyMemory<byte>, (int Consumed, byte[]? Reply)> framer)
    {
        _link = link;
        _loop = RunAsync(framer);
    }

    private async Task RunAsync(Func<ReadOnlyMemory<byte>, (int Consumed, byte[]? Reply)> framer)
    {
        var buffer = new byte[4096];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    filled = 0;
                }
                filled += await _link.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                while (true)
                {
                    var (consumed, reply) = framer(buffer.AsMemory(0, filled));
                    if (consumed == 0)
                    {
                        break;
                    }
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                    if (reply is not null)
                    {
                        await _link.WriteAsync(reply, _stop.Token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _link.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
