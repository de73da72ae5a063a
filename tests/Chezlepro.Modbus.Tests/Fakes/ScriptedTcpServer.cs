using System.Net;
using System.Net.Sockets;

namespace Chezlepro.Modbus.Tests.Fakes;

/// <summary>A loopback TCP peer that answers each MBAP request with whatever the script returns (possibly several frames, or none).</summary>
public sealed class ScriptedTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedTcpServer(Func<byte[], IEnumerable<byte[]>> script)
    {
        _listener.Start();
        _loop = RunAsync(script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task RunAsync(Func<byte[], IEnumerable<byte[]>> script)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                try
                {
                    while (true)
                    {
                        var header = new byte[7];
                        await stream.ReadExactlyAsync(header, _stop.Token);
                        var pdu = new byte[((header[4] << 8) | header[5]) - 1];
                        await stream.ReadExactlyAsync(pdu, _stop.Token);
                        foreach (var frame in script([.. header, .. pdu]))
                        {
                            await stream.WriteAsync(frame, _stop.Token);
                        }
                    }
                }
                catch (Exception e) when (e is EndOfStreamException or IOException)
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>MBAP reply for <paramref name="request"/> with the given transaction id and PDU.</summary>
    public static byte[] Reply(byte[] request, ushort transaction, byte[] pdu, byte? unit = null) =>
        [(byte)(transaction >> 8), (byte)transaction, 0, 0, (byte)((pdu.Length + 1) >> 8), (byte)(pdu.Length + 1), unit ?? request[6], .. pdu];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
