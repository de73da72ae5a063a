using System.Net.Sockets;

namespace Chezlepro.Testing.Faults;

public sealed partial class FaultProxy
{
    /// <summary>One relayed connection: the client's socket, the target's (none when accepted into a black hole), two pumps.</summary>
    private sealed class Link(FaultProxy proxy, Socket client, Socket? target)
    {
        private int _closed;
        private volatile bool _clientGone;
        private volatile bool _targetGone = target is null;

        /// <summary>True once a byte was dropped or a side went away unseen: the stream can no longer resume.</summary>
        public bool LostBytes { get; private set; }

        public void Run()
        {
            _ = PumpAsync(client, target, FaultDirection.ToTarget);
            if (target is not null) _ = PumpAsync(target, client, FaultDirection.ToClient);
        }

        /// <summary>RST both sides (SO_LINGER 0), so each peer reads a reset rather than an orderly end.</summary>
        public void Abort()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1) return;
            Rst(client);
            if (target is not null) Rst(target);
            proxy.Forget(this);
        }

        public static void Rst(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already closed by the peer; disposing is all there is left to do.
            }
            socket.Dispose();
        }

        private void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1) return;
            client.Dispose();
            target?.Dispose();
            proxy.Forget(this);
        }

        private async Task PumpAsync(Socket from, Socket? to, FaultDirection direction)
        {
            var buffer = new byte[64 * 1024];
            var token = proxy._stop.Token;
            try
            {
                int n;
                while ((n = await from.ReceiveAsync(buffer, SocketFlags.None, token)) > 0)
                {
                    if (!proxy.Forwards(direction) || to is null || Gone(direction))
                    {
                        Drop(n);
                        continue;
                    }
                    if (proxy._mode == FaultMode.Delay) await Task.Delay(proxy._latency, proxy._time, token);
                    if (!await SendAsync(to, buffer.AsMemory(0, n), direction, token))
                    {
                        Drop(n);
                        if (proxy.Forwards(direction)) break;
                        continue;
                    }
                    Interlocked.Add(ref direction == FaultDirection.ToTarget ? ref proxy._toTarget : ref proxy._toClient, n);
                }
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            if (direction == FaultDirection.ToTarget) _clientGone = true;
            else _targetGone = true;
            // A close travels like a byte: when this direction is silenced, the other peer never learns of it.
            if (proxy.Forwards(direction) || (_clientGone && _targetGone)) Close();
            else LostBytes = true;
        }

        private async Task<bool> SendAsync(Socket to, ReadOnlyMemory<byte> chunk, FaultDirection direction, CancellationToken token)
        {
            try
            {
                await to.SendAsync(chunk, SocketFlags.None, token);
                return true;
            }
            catch (SocketException)
            {
                if (direction == FaultDirection.ToTarget) _targetGone = true;
                else _clientGone = true;
                return false;
            }
        }

        private bool Gone(FaultDirection direction) => direction == FaultDirection.ToTarget ? _targetGone : _clientGone;

        private void Drop(int n)
        {
            LostBytes = true;
            Interlocked.Add(ref proxy._dropped, n);
        }
    }
}
