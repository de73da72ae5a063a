using Chezlepro.Mqtt.Transport;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>
/// Wraps a real transport; once <see cref="Silenced"/>, what the client writes is dropped and what the broker
/// sends is swallowed, as on a cable cut that TCP has not noticed yet. A QoS 1 publish then surely stays
/// unacknowledged until the test aborts the connection.
/// </summary>
internal sealed class SilenceableTransport(IMqttTransport inner) : IMqttTransport
{
    private volatile bool _silenced;

    public bool Silenced
    {
        get => _silenced;
        set => _silenced = value;
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (!_silenced || read == 0) return read;
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken) =>
        _silenced ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

    public void Abort() => inner.Abort();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
