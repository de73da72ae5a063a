using System.Net.Sockets;
using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>A hand-driven connection for what our client refuses to do, such as falling silent past Keep Alive.</summary>
internal static class RawMqtt
{
    public static async Task<TcpClient> ConnectAsync(int port, ConnectPacket connect)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(ConnectPacket.Encode(connect));
        var connAck = new byte[4];
        await stream.ReadExactlyAsync(connAck);
        Assert.Equal(new byte[] { 0x20, 2, 0, 0 }, connAck);
        return tcp;
    }
}
