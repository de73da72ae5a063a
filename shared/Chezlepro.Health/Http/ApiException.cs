namespace Chezlepro.Health.Http;

/// <summary>
/// An API call failed. The message is one line fit for a health summary: it names the endpoint and the
/// reason and never carries a token or a secret.
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Failure kind.</param>
    /// <param name="message">One line, no secret.</param>
    /// <param name="isTransient">True when a retry may succeed (connection reset, 502/503/504).</param>
    /// <param name="statusCode">HTTP status, when a reply came.</param>
    public ApiException(ApiFailureKind kind, string message, bool isTransient = false, int? statusCode = null)
        : base(message)
    {
        Kind = kind;
        IsTransient = isTransient;
        StatusCode = statusCode;
    }

    /// <summary>Failure kind.</summary>
    public ApiFailureKind Kind { get; }

    /// <summary>True when a retry may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>HTTP status, when a reply came.</summary>
    public int? StatusCode { get; }

    /// <summary>True when another node of the cluster may answer where this one did not.</summary>
    internal bool AllowsFallback => Kind is ApiFailureKind.ConnectionFailed or ApiFailureKind.Timeout
        or ApiFailureKind.TrustRejected || (Kind == ApiFailureKind.ServerError && IsTransient);
}
