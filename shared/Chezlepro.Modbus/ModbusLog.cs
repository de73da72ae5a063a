using Microsoft.Extensions.Logging;

namespace Chezlepro.Modbus;

/// <summary>Every log message of the Modbus master (event ids 4xxx).</summary>
internal static partial class ModbusLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Modbus TCP connected to {Host}:{Port}")]
    internal static partial void Connected(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Discarded stray reply with transaction {ReplyTransaction} while waiting for {Transaction}")]
    internal static partial void StrayReply(ILogger logger, ushort replyTransaction, ushort transaction);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Retrying unit {UnitId} function {Function} address {Address}, attempt {Attempt}")]
    internal static partial void Retrying(ILogger logger, byte unitId, byte function, ushort address, int attempt);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Bad reply from unit {UnitId}: {Reason}")]
    internal static partial void BadFrame(ILogger logger, byte unitId, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Timeout: unit {UnitId} function {Function} address {Address} after {TimeoutMs} ms")]
    internal static partial void Timeout(ILogger logger, byte unitId, byte function, ushort address, double timeoutMs);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "Skipped {Count} noise bytes before the reply of unit {UnitId}")]
    internal static partial void NoiseSkipped(ILogger logger, int count, byte unitId);
}
