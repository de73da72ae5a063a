using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting.Systemd;

namespace Chezlepro.Agent.Tests.Hosting.Systemd;

/// <summary>Stands in for the library's notifier: records every state line sent, or fails like a vanished socket.</summary>
internal sealed class FakeSystemdNotifier(bool enabled = true, bool failing = false) : ISystemdNotifier
{
    private readonly Channel<string> _sent = Channel.CreateUnbounded<string>();

    public bool IsEnabled => enabled;

    public int Attempts;

    public void Notify(ServiceState state)
    {
        Interlocked.Increment(ref Attempts);
        if (failing) throw new SocketException((int)SocketError.ConnectionRefused);
        _sent.Writer.TryWrite(state.ToString());
    }

    /// <summary>The next line sent, or null when none comes within <paramref name="timeout"/>.</summary>
    public async Task<string?> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _sent.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The next <paramref name="count"/> lines in sorted order (their order within one event is not ours to fix).</summary>
    public async Task<string[]> NextAsync(int count)
    {
        var lines = new string[count];
        for (var i = 0; i < count; i++) lines[i] = await NextAsync() ?? "(nothing within 10 s)";
        return [.. lines.Order(StringComparer.Ordinal)];
    }
}
