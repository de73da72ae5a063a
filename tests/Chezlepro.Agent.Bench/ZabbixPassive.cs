using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Chezlepro.Agent.Bench;

/// <summary>The Zabbix passive-check protocol (ZBXD header, flags 0x01, 4-byte length, 4 reserved), what zabbix_server does.</summary>
internal static class ZabbixPassive
{
    public static async Task<string> GetAsync(int port, string key, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        var body = Encoding.UTF8.GetBytes(key);
        var request = new byte[13 + body.Length];
        "ZBXD\u0001"u8.CopyTo(request);
        BinaryPrimitives.WriteInt32LittleEndian(request.AsSpan(5), body.Length);
        body.CopyTo(request, 13);
        await stream.WriteAsync(request, ct);
        using var reply = new MemoryStream();
        await stream.CopyToAsync(reply, ct);
        var bytes = reply.ToArray();
        return bytes.Length > 13 ? Encoding.UTF8.GetString(bytes, 13, bytes.Length - 13) : "";
    }
}
