using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Chezlepro.Testing;

namespace Chezlepro.Health.Tests.Support;

/// <summary>A loopback server that greets every connection with one banner line (SMTP/IMAP), optionally over TLS.</summary>
internal sealed class BannerServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public BannerServer(string? banner, X509Certificate2? certificate = null)
    {
        Port = FreePort.Next();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            Stream stream = client.GetStream();
                            if (certificate is not null)
                            {
                                var ssl = new SslStream(stream);
                                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, _stop.Token);
                                stream = ssl;
                            }
                            if (banner is null)
                            {
                                await Task.Delay(Timeout.Infinite, _stop.Token);
                                return;
                            }
                            await stream.WriteAsync(Encoding.ASCII.GetBytes(banner + "\r\n"), _stop.Token);
                            var buffer = new byte[64];
                            _ = await stream.ReadAsync(buffer, _stop.Token);
                        }
                        catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
                        {
                        }
                    }
                });
            }
        });
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { }
        _stop.Dispose();
    }
}
