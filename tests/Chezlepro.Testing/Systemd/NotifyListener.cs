using System.Net.Sockets;
using System.Text;

namespace Chezlepro.Testing.Systemd;

/// <summary>Plays systemd's side of NOTIFY_SOCKET: a datagram socket that collects what the service sends.</summary>
public sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? _file;

    private NotifyListener(string address, string? file)
    {
        Address = address;
        _file = file;
        _socket.Bind(new UnixDomainSocketEndPoint(address[0] == '@' ? "\0" + address[1..] : address));
    }

    /// <summary>What to put in NOTIFY_SOCKET.</summary>
    public string Address { get; }

    /// <summary>A listener on a socket file in the temporary folder.</summary>
    public static NotifyListener OnFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"notify-{Guid.NewGuid():N}.sock");
        return new NotifyListener(path, path);
    }

    /// <summary>A listener on an abstract socket (<c>@name</c>): no file to clean up.</summary>
    public static NotifyListener Abstract() => new($"@chezlepro-test-{Guid.NewGuid():N}", null);

    /// <summary>The next datagram, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<string?> NextAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Receives datagrams into <paramref name="seen"/> until one is <paramref name="wanted"/>; fails the test after
    /// 60 s with everything received and <paramref name="log"/> (the service's output).
    /// </summary>
    public async Task ReceiveUntilAsync(List<string> seen, Func<string, bool> wanted, IEnumerable<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(wanted);
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await NextAsync(TimeSpan.FromSeconds(5)) is not { } datagram) continue;
            seen.Add(datagram);
            if (wanted(datagram)) return;
        }
        Xunit.Assert.Fail("not received in 60 s; received: " + string.Join(" | ", seen) + "\nlog:\n" + string.Join('\n', log ?? []));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
        if (_file is not null) File.Delete(_file);
    }
}
