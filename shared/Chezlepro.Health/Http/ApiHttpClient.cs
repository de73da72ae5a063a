using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Chezlepro.Health.Http;

/// <summary>
/// One HTTP client per target (a PVE cluster or a PBS server), owning its <see cref="SocketsHttpHandler"/>:
/// token header, certificate trust, a timeout per attempt, retry of transient faults only, and fallback
/// to the next base URL when a node cannot be reached. Returns the <c>data</c> member of the reply.
/// </summary>
public sealed partial class ApiHttpClient : IDisposable
{
    private readonly ApiClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CertificateTrust _trust;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _retry;
    private readonly string _authorization;
    private int _preferred;

    /// <summary>Creates the client. No I/O: connections open on the first call.</summary>
    /// <param name="options">Target options (validated by the caller).</param>
    /// <param name="flavor">PVE or PBS token header.</param>
    /// <param name="time">Clock for timeouts and retry delays.</param>
    /// <param name="logger">Logger.</param>
    public ApiHttpClient(ApiClientOptions options, ApiFlavor flavor, TimeProvider time, ILogger logger)
    {
        if (options.BaseUrls.Count == 0)
            throw new ArgumentException("at least one base URL is required", nameof(options));
        _options = options;
        _time = time;
        _logger = logger;
        _trust = new CertificateTrust(options.CertificateFingerprints, options.CaFile);
        _authorization = flavor == ApiFlavor.ProxmoxVe
            ? $"PVEAPIToken={options.TokenId}={options.TokenSecret}"
            : $"PBSAPIToken={options.TokenId}:{options.TokenSecret}";
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, chain, errors) => _trust.Validate(cert, chain, errors) },
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<ApiException>(e => e.IsTransient),
            })
            .Build();
    }

    /// <summary>
    /// GETs <c>&lt;base&gt;/api2/json/&lt;path&gt;</c> and returns the <c>data</c> member (a clone, owned by the caller).
    /// </summary>
    /// <param name="path">Path and query below <c>/api2/json/</c>, for example <c>cluster/status</c>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="ApiException">The call failed; the message is fit for a health summary.</exception>
    public async Task<JsonElement> GetDataAsync(string path, CancellationToken cancellationToken)
    {
        var count = _options.BaseUrls.Count;
        var start = Volatile.Read(ref _preferred);
        var failures = new List<ApiException>();
        for (var i = 0; i < count; i++)
        {
            var index = (start + i) % count;
            var baseUrl = _options.BaseUrls[index];
            try
            {
                var body = await _retry.ExecuteAsync(
                    async ct => await SendOnceAsync(baseUrl, path, ct).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _preferred, index);
                return ApiEnvelope.ReadData(body, path);
            }
            catch (ApiException ex) when (ex.AllowsFallback && i < count - 1)
            {
                HealthLog.EndpointFailedTryingNext(_logger, baseUrl.Authority, path, ex.Kind);
                failures.Add(ex);
            }
            catch (ApiException ex) when (failures.Count > 0)
            {
                failures.Add(ex);
                throw new ApiException(ex.Kind,
                    $"no node answered ({count} tried); last: {ex.Message}", ex.IsTransient, ex.StatusCode);
            }
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async ValueTask<byte[]> SendOnceAsync(Uri baseUrl, string path, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseUrl, "/api2/json/" + path.TrimStart('/'));
        var where = $"{baseUrl.Authority} /{path.TrimStart('/').Split('?')[0]}";
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.Accept.ParseAdd("application/json");
        var started = _time.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status != 200)
                throw ApiErrors.FromStatus(status, response.ReasonPhrase, await ReadErrorTextAsync(response, linked.Token).ConfigureAwait(false), where);
            var body = await ReadBodyAsync(response, where, linked.Token).ConfigureAwait(false);
            ApiEnvelope.RejectNonJson(body, response.Content.Headers.ContentType?.MediaType, where);
            var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
            HealthLog.ApiCallSucceeded(_logger, where, elapsedMs);
            return body;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiException(ApiFailureKind.Timeout,
                $"{where}: no complete reply within {_options.Timeout.TotalSeconds:0.#} s (timeout)");
        }
        catch (HttpRequestException ex)
        {
            throw Translate(ex, where);
        }
        catch (IOException ex)
        {
            throw new ApiException(ApiFailureKind.InvalidReply, $"{where}: reply cut short ({ex.GetType().Name})", isTransient: false);
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string where, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxReplyBytes)
            throw new ApiException(ApiFailureKind.InvalidReply, $"{where}: reply of {declared} bytes exceeds the {_options.MaxReplyBytes}-byte limit");
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxReplyBytes)
                throw new ApiException(ApiFailureKind.InvalidReply, $"{where}: reply exceeds the {_options.MaxReplyBytes}-byte limit");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // PBS sends its error as plain text in the body (reference §2.1); PVE uses the reason phrase.
    private static async Task<string?> ReadErrorTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var buffer = new byte[512];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false)) > 0)
                total += read;
            var text = System.Text.Encoding.UTF8.GetString(buffer, 0, total).Trim();
            return text.Length == 0 || text[0] is '{' or '[' or '<' ? null : text;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return null;
        }
    }

    private ApiException Translate(HttpRequestException ex, string where)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
            {
                var reason = _trust.TakeRefusal() ?? inner.Message;
                return new ApiException(ApiFailureKind.TrustRejected, $"{where}: TLS refused: {reason}");
            }
            if (inner is SocketException socket)
                return new ApiException(ApiFailureKind.ConnectionFailed,
                    $"{where}: cannot connect ({socket.SocketErrorCode})", isTransient: socket.SocketErrorCode is SocketError.ConnectionReset);
        }
        if (ex.HttpRequestError == HttpRequestError.ResponseEnded || ex.HttpRequestError == HttpRequestError.InvalidResponse)
            return new ApiException(ApiFailureKind.InvalidReply, $"{where}: reply cut short or malformed ({ex.HttpRequestError})");
        return new ApiException(ApiFailureKind.ConnectionFailed, $"{where}: request failed ({ex.HttpRequestError})",
            isTransient: ex.HttpRequestError is HttpRequestError.ConnectionError);
    }
}
