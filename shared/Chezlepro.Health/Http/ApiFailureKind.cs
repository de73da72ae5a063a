namespace Chezlepro.Health.Http;

/// <summary>Why an API call gave no usable answer.</summary>
public enum ApiFailureKind
{
    /// <summary>HTTP 401: the token id or secret is wrong, or the token expired.</summary>
    AuthenticationFailed,

    /// <summary>HTTP 403: the token lacks a privilege (usually no ACL of its own, reference §5.1).</summary>
    PermissionDenied,

    /// <summary>HTTP 404 or 501: the endpoint does not exist on this version.</summary>
    NotFound,

    /// <summary>HTTP 595/596: pveproxy could not reach the node the path names (not "API down").</summary>
    NodeUnreachable,

    /// <summary>Any other HTTP error status.</summary>
    ServerError,

    /// <summary>No reply within the timeout (including a reply that never ends).</summary>
    Timeout,

    /// <summary>TCP connection refused, reset or name not resolved.</summary>
    ConnectionFailed,

    /// <summary>The server certificate was refused (fingerprint mismatch, untrusted chain).</summary>
    TrustRejected,

    /// <summary>The reply is not the JSON envelope expected (HTML page, truncated, oversized, missing field).</summary>
    InvalidReply,
}
