using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
namespace Chezlepro.Testing.Http;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (TcpListener + SslStream) that answers scripted replies per path:
/// enough of pveproxy / proxmox-backup-proxy to replay fixtures and misbehave on purpose.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Queue<FakeReply>> _once = new();
    private readonly ConcurrentDictionary<string, FakeReply> _routes = new();
    private readonly Task _accepting;

    /// <summary>Starts listening on a free loopback port; HTTPS with <paramref name="certificate"/>, plain HTTP without.</summary>
    public FakeApiServer(X509Certificate2? certificate)
    {
        _certificate = certificate;
        Port = FreePort.Next();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>Where a client should point (<c>https://127.0.0.1:port</c> with a certificate).</summary>
    public Uri BaseUrl => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}");

    /// <summary>Every request received: path below <c>/api2/json/</c>, unescaped query, Authorization header.</summary>
    public ConcurrentQueue<(string Path, string Query, string? Authorization)> Requests { get; } = new();

    /// <summary>Answer <paramref name="path"/> (below /api2/json/, without query) with <paramref name="reply"/> from now on.</summary>
    public FakeApiServer On(string path, FakeReply reply)
    {
        _routes[path] = reply;
        return this;
    }

    /// <summary>Answer <paramref name="path"/> once with <paramref name="reply"/>, then fall back to the route.</summary>
    public FakeApiServer Once(string path, FakeReply reply)
    {
        _once.GetOrAdd(path, _ => new Queue<FakeReply>()).Enqueue(reply);
        return this;
    }

    /// <summary>How many requests <paramref name="path"/> received.</summary>
    public int Count(string path) => Requests.Count(r => r.Path == path);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException) { }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var ssl = new SslStream(stream, false);
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = ssl;
                }
                await using (stream)
                {
                    var head = await ReadHeadAsync(stream);
                    if (head is null)
                        return;
                    await AnswerAsync(stream, head);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
            {
                // The client gave up (timeout test) or refused our certificate (trust test).
            }
        }
    }

    private async Task AnswerAsync(Stream stream, string head)
    {
        var lines = head.Split("\r\n");
        var target = lines[0].Split(' ')[1];
        var auth = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))?[14..].Trim();
        var pathAndQuery = target.StartsWith("/api2/json/", StringComparison.Ordinal) ? target[11..] : target.TrimStart('/');
        var path = pathAndQuery.Split('?')[0];
        var query = pathAndQuery.Contains('?', StringComparison.Ordinal) ? pathAndQuery[(pathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        Requests.Enqueue((path, Uri.UnescapeDataString(query), auth));
        var reply = _once.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next
            : query.Length > 0 && _routes.TryGetValue(path + "?" + Uri.UnescapeDataString(query), out var exact) ? exact
            : _routes.TryGetValue(path, out var route) ? route
            : FakeReply.Error(404, "Not Found", "{\"data\":null}");
        if (reply.Silent)
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
            return;
        }
        var header = $"HTTP/1.1 {reply.Status} {reply.Reason}\r\nContent-Type: {reply.ContentType}\r\nContent-Length: {reply.DeclaredLength ?? reply.Body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
        await stream.WriteAsync(reply.Body, _stop.Token);
        await stream.FlushAsync(_stop.Token);
        if (reply.NeverEnds)
            await Task.Delay(Timeout.Infinite, _stop.Token);
    }

    private async Task<string?> ReadHeadAsync(Stream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 65536)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
                return null;
            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^1] == '\n' && buffer[^2] == '\r' && buffer[^3] == '\n' && buffer[^4] == '\r')
                return Encoding.ASCII.GetString(buffer.ToArray());
        }
        return null;
    }
}
