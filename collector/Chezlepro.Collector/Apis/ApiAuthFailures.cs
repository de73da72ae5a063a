using System.Threading.RateLimiting;
using Chezlepro.Collector.Options;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// Failed authentications: counted for <c>/metrics</c> (<c>chezlepro_api_auth_failures_total</c>) and limited per
/// address with a fixed-window rate limiter — each failure takes a permit; an address without permits left is
/// answered 429 before any key is compared, until the window renews (guessing keys or tokens gets slow).
/// </summary>
public sealed class ApiAuthFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private long _total;

    /// <summary>Creates the limiter from <c>Api:AuthFailureLimit</c> per <c>Api:AuthFailureWindow</c>.</summary>
    public ApiAuthFailures(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var api = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = api.AuthFailureLimit, Window = api.AuthFailureWindow, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>Failed authentications since start.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Whether <paramref name="address"/> has used up its failures for this window.</summary>
    public bool IsBlocked(string address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0;

    /// <summary>Counts a failure of <paramref name="address"/>.</summary>
    public void Record(string address)
    {
        Interlocked.Increment(ref _total);
        // A fixed-window permit is not given back on dispose: the lease only marks the failure in the window.
        using var lease = _limiter.AttemptAcquire(address);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
