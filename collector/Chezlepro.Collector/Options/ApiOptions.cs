namespace Chezlepro.Collector.Options;

/// <summary>The <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Api";

    /// <summary>Bearer keys.</summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>Require a key for <c>/metrics</c> too (a client key is refused there: the figures cover every client).</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary>Failed authentications allowed per address and <see cref="AuthFailureWindow"/> before it is answered 429.</summary>
    public int AuthFailureLimit { get; set; } = 10;

    /// <summary>The window of <see cref="AuthFailureLimit"/>.</summary>
    public TimeSpan AuthFailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Optional OpenID Connect bearer tokens.</summary>
    public ApiOidcOptions Oidc { get; set; } = new();

    /// <summary>The collector's own HTTPS endpoint (off while <c>Api:Https:Url</c> is empty).</summary>
    public ApiHttpsOptions Https { get; set; } = new();

    /// <summary>
    /// Reverse proxies (addresses or CIDR networks) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
    /// believed; empty: none, not even loopback.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
