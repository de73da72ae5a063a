using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Apis;

/// <summary>API log events. Never the key or the token: only the caller's address and why it was refused.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 8601, Level = LogLevel.Warning, Message = "API authentication failed from {Address} on {Path}: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string? address, string path, string reason);

    [LoggerMessage(EventId = 8602, Level = LogLevel.Warning, Message = "API access refused to {Name} ({Role}) from {Address} on {Path}: {Reason}")]
    public static partial void AccessRefused(ILogger logger, string name, string role, string? address, string path, string reason);
}
