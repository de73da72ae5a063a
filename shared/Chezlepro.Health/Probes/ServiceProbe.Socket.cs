using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Chezlepro.Health.Probes;

public sealed partial class ServiceProbe
{
    private async Task<ProbeOutcome> ProbeTcpAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = new TcpClient();
        var started = _time.GetTimestamp();
        try
        {
            await client.ConnectAsync(_options.Host!, _options.Port, linked.Token).ConfigureAwait(false);
            var latency = _time.GetElapsedTime(started).TotalMilliseconds;
            return new ProbeOutcome(true, HealthText.Of($"TCP {Target} connecté en {latency:0}{HealthText.NoBreakSpace}ms", $"TCP {Target} connected in {latency:0} ms"), latency);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeOutcome(false, TimeoutMessage);
        }
        catch (SocketException ex)
        {
            return new ProbeOutcome(false, CannotConnect(ex.SocketErrorCode));
        }
    }

    private async Task<ProbeOutcome> ProbeBannerAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = new TcpClient();
        var started = _time.GetTimestamp();
        try
        {
            await client.ConnectAsync(_options.Host!, _options.Port, linked.Token).ConfigureAwait(false);
            Stream stream = client.GetStream();
            if (_options.Tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false, (_, cert, chain, errors) => _tls.Validate(cert, chain, errors));
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _options.Host }, linked.Token).ConfigureAwait(false);
                stream = ssl;
            }
            await using (stream.ConfigureAwait(false))
            {
                var banner = await ReadLineAsync(stream, linked.Token).ConfigureAwait(false);
                var latency = _time.GetElapsedTime(started).TotalMilliseconds;
                var smtp = _options.Kind == ProbeKind.Smtp;
                var ok = smtp ? banner.StartsWith("220", StringComparison.Ordinal)
                    : banner.StartsWith("* OK", StringComparison.OrdinalIgnoreCase) || banner.StartsWith("* PREAUTH", StringComparison.OrdinalIgnoreCase);
                // Say goodbye so the server logs a clean session rather than a dropped one.
                var bye = Encoding.ASCII.GetBytes(smtp ? "QUIT\r\n" : "a1 LOGOUT\r\n");
                try { await stream.WriteAsync(bye, linked.Token).ConfigureAwait(false); } catch (IOException) { }
                // The banner is the server's own text: kept as sent inside the French sentence.
                var shown = Http.ApiErrors.Clean(banner);
                var protocol = smtp ? "SMTP" : "IMAP";
                return ok
                    ? new ProbeOutcome(true, HealthText.Of($"bannière {protocol} en {latency:0}{HealthText.NoBreakSpace}ms{HealthText.NoBreakSpace}: {shown}",
                        $"{protocol} banner in {latency:0} ms: {shown}"), latency, _tls.NotAfter)
                    : new ProbeOutcome(false, HealthText.Of($"bannière {protocol} inattendue{HealthText.NoBreakSpace}: {(shown.Length == 0 ? "(vide)" : shown)}",
                        $"unexpected {protocol} banner: {(shown.Length == 0 ? "(empty)" : shown)}"), latency, _tls.NotAfter);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeOutcome(false, TimeoutMessage, CertificateNotAfter: _tls.NotAfter);
        }
        catch (SocketException ex)
        {
            return new ProbeOutcome(false, CannotConnect(ex.SocketErrorCode));
        }
        catch (AuthenticationException ex)
        {
            return new ProbeOutcome(false, _tls.Refusal ?? HandshakeFailed(ex), CertificateNotAfter: _tls.NotAfter);
        }
        catch (IOException)
        {
            return new ProbeOutcome(false, HealthText.Of($"connexion à {Target} fermée avant la bannière", $"connection to {Target} closed before a banner"),
                CertificateNotAfter: _tls.NotAfter);
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[1024];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total, 1), ct).ConfigureAwait(false);
            if (read == 0 || buffer[total] == (byte)'\n')
                break;
            total += read;
        }
        return Encoding.ASCII.GetString(buffer, 0, total).TrimEnd('\r');
    }
}
