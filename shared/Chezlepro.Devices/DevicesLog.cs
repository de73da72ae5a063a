using Microsoft.Extensions.Logging;

namespace Chezlepro.Devices;

/// <summary>Every log message of the device drivers (event ids 6xxx).</summary>
internal static partial class DevicesLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Victron unit {UnitId} read in {Requests} requests")]
    internal static partial void VictronUnitRead(ILogger logger, byte unitId, int requests);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Victron unit {UnitId} has no service of that type (exception 10); skipped")]
    internal static partial void VictronUnitMissing(ILogger logger, byte unitId);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "EG4 pack at unit {UnitId} did not answer: {Reason}")]
    internal static partial void Eg4PackFailed(ILogger logger, byte unitId, string reason);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Debug, Message = "Skipped {Count} bytes of MK2 line noise before a frame")]
    internal static partial void Mk2FrameDiscarded(ILogger logger, int count);
}
