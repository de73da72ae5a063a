using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Chezlepro.Health.Probes;

public sealed partial class ServiceProbe
{
    private const int MaxBodyBytes = 1024 * 1024;

    private HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = _options.Timeout,
            // A fresh connection per probe: a pooled one would hide connect failures and certificate changes.
            PooledConnectionLifetime = TimeSpan.Zero,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, chain, errors) => _tls.Validate(cert, chain, errors) },
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    private async Task<ProbeOutcome> ProbeHttpAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, _options.Url);
        request.Headers.UserAgent.ParseAdd("chezlepro-agent-probe/1");
        request.Headers.ConnectionClose = true;
        var started = _time.GetTimestamp();
        try
        {
            using var response = await _http!.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var latency = _time.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            var notAfter = _tls.NotAfter;
            var expected = _options.ExpectStatus is { } want ? status == want : status is >= 200 and < 400;
            if (!expected)
            {
                // The reason phrase is the server's own words: kept as sent.
                var seen = $"HTTP {status} {ApiText(response.ReasonPhrase)}".Replace("  ", " ", StringComparison.Ordinal);
                var wanted = _options.ExpectStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "2xx/3xx";
                return new ProbeOutcome(false, HealthText.Of($"{seen}, attendu {wanted}", $"{seen}, expected {wanted}"), latency, notAfter);
            }
            if (_options.Keyword is { Length: > 0 } keyword)
            {
                var body = await ReadLimitedAsync(response, linked.Token).ConfigureAwait(false);
                if (!body.Contains(keyword, StringComparison.Ordinal))
                    return new ProbeOutcome(false, HealthText.Of($"HTTP {status} mais mot-clé «{HealthText.NoBreakSpace}{keyword}{HealthText.NoBreakSpace}» absent des {MaxBodyBytes / 1024} premiers Kio",
                        $"HTTP {status} but keyword '{keyword}' not found in the first {MaxBodyBytes / 1024} KiB"), latency, notAfter);
            }
            return new ProbeOutcome(true, HealthText.Of($"HTTP {status} en {latency:0}{HealthText.NoBreakSpace}ms", $"HTTP {status} in {latency:0} ms"), latency, notAfter);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeOutcome(false, TimeoutMessage, CertificateNotAfter: _tls.NotAfter);
        }
        catch (HttpRequestException ex)
        {
            return new ProbeOutcome(false, Describe(ex), CertificateNotAfter: _tls.NotAfter);
        }
    }

    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false)) > 0)
            total += read;
        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private HealthText Describe(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
                return _tls.Refusal ?? HandshakeFailed(inner);
            if (inner is SocketException socket)
                return CannotConnect(socket.SocketErrorCode);
        }
        return ex is HttpRequestException http
            ? HealthText.Of($"requête en échec ({http.HttpRequestError})", $"request failed ({http.HttpRequestError})")
            : HealthText.Same(Http.ApiErrors.Clean(ex.Message));
    }

    private static string ApiText(string? reason) => Http.ApiErrors.Clean(reason);

    // The runtime's own handshake error is kept as written inside the French sentence.
    private static HealthText HandshakeFailed(Exception ex) =>
        HealthText.Of($"échec de la négociation TLS{HealthText.NoBreakSpace}: {Http.ApiErrors.Clean(ex.Message)}", $"TLS handshake failed: {Http.ApiErrors.Clean(ex.Message)}");
}
