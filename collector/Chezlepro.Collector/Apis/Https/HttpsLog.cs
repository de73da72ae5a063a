using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>Log events of the HTTPS endpoint and of the exposure rules. Never a password, a key or a token.</summary>
internal static partial class HttpsLog
{
    [LoggerMessage(EventId = 8611, Level = LogLevel.Information,
        Message = "HTTPS certificate from {Path} (reload: {Reload}): {Subject}, thumbprint {Thumbprint}, valid until {NotAfter:u}")]
    public static partial void CertificateLoaded(ILogger logger, string? path, string subject, string thumbprint, DateTimeOffset notAfter, bool reload);

    [LoggerMessage(EventId = 8612, Level = LogLevel.Warning,
        Message = "HTTPS certificate files changed but cannot be used ({Path}, key {KeyPath}): {Reason}; still serving {Thumbprint} until they change again")]
    public static partial void ReloadFailed(ILogger logger, string? path, string? keyPath, string reason, string thumbprint);

    [LoggerMessage(EventId = 8613, Level = LogLevel.Warning,
        Message = "API keys are configured and {Urls} listens beyond loopback over plain HTTP, without Api:Https:Url or Api:TrustedProxies: reader and operator keys travel in clear; client keys and tokens are refused there")]
    public static partial void PlainHttpExposed(ILogger logger, string urls);

    [LoggerMessage(EventId = 8614, Level = LogLevel.Warning,
        Message = "API credential of {Name} ({Role}) refused over plain HTTP from {Address} on {Path}: client keys and tokens need HTTPS")]
    public static partial void PlainHttpRefused(ILogger logger, string name, string role, string? address, string path);
}
