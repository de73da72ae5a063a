namespace Chezlepro.Health.Http;

/// <summary>Turns an HTTP error status into an <see cref="ApiException"/> with a one-line message.</summary>
internal static class ApiErrors
{
    public static ApiException FromStatus(int status, string? reasonPhrase, string? bodyText, string where)
    {
        // PVE puts its error text in the reason phrase (reference §1.1), PBS in a plain-text body (§2.1).
        var reason = Clean(string.IsNullOrWhiteSpace(bodyText) ? reasonPhrase : bodyText);
        return status switch
        {
            401 => new ApiException(ApiFailureKind.AuthenticationFailed,
                $"{where}: authentication failed (HTTP 401): check TokenId and TokenSecret", statusCode: status),
            403 => new ApiException(ApiFailureKind.PermissionDenied,
                $"{where}: permission denied (HTTP 403{Suffix(reason)}): give the token an audit role on / (see README)", statusCode: status),
            404 or 501 => new ApiException(ApiFailureKind.NotFound, $"{where}: not found (HTTP {status}{Suffix(reason)})", statusCode: status),
            // pveproxy answers 595/596 when it cannot reach the node the path names (reference §5.5).
            595 or 596 => new ApiException(ApiFailureKind.NodeUnreachable,
                $"{where}: node unreachable through the proxy (HTTP {status}{Suffix(reason)})", statusCode: status),
            502 or 503 or 504 => new ApiException(ApiFailureKind.ServerError,
                $"{where}: server error (HTTP {status}{Suffix(reason)})", isTransient: true, statusCode: status),
            _ => new ApiException(ApiFailureKind.ServerError, $"{where}: server error (HTTP {status}{Suffix(reason)})", statusCode: status),
        };
    }

    internal static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var line = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    private static string Suffix(string reason) => reason.Length == 0 ? "" : ": " + reason;
}
