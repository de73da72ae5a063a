using Chezlepro.Modbus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Devices.Eg4;

/// <summary>
/// Polls EG4-LL packs on one RS485 bus in turn (FC 3, 39 registers from 0). The spacing the vendor asks
/// (100 ms between reads) is the master's <see cref="ModbusMasterOptions.PauseBetweenRequests"/>. A pack that
/// fails is reported and the others are still read.
/// </summary>
public sealed class Eg4LlClient
{
    private readonly ModbusMaster _master;
    private readonly IReadOnlyList<byte> _unitIds;
    private readonly ILogger _logger;

    /// <summary>Creates the client. No I/O.</summary>
    /// <param name="master">Master on an RTU transport (serial port or gateway).</param>
    /// <param name="unitIds">Pack addresses (avoid 0: broadcast-like on some packs).</param>
    /// <param name="logger">Logger.</param>
    public Eg4LlClient(ModbusMaster master, IReadOnlyList<byte> unitIds, ILogger? logger = null)
    {
        _master = master;
        _unitIds = unitIds;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Reads every pack once.</summary>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns>Packs that answered, and per failed unit the error.</returns>
    public async Task<(IReadOnlyList<Eg4PackReading> Packs, IReadOnlyDictionary<byte, Exception> Failures)> ReadAsync(CancellationToken cancellationToken)
    {
        var packs = new List<Eg4PackReading>();
        var failures = new Dictionary<byte, Exception>();
        foreach (var unit in _unitIds)
        {
            try
            {
                var registers = await _master.ReadHoldingRegistersAsync(unit, Eg4Registers.RuntimeStart, Eg4Registers.RuntimeCount, cancellationToken).ConfigureAwait(false);
                if (Eg4Decoder.LooksLikeMasterMap(registers))
                {
                    throw new FormatException($"Unit {unit} serves the bank 'master' map (regs 0–18 zero); configure its slave packs instead");
                }
                packs.Add(Eg4Decoder.DecodePack(unit, registers));
            }
            catch (Exception e) when (e is ModbusException or ModbusTimeoutException or ModbusFrameException or FormatException)
            {
                DevicesLog.Eg4PackFailed(_logger, unit, e.Message);
                failures[unit] = e;
            }
        }
        return (packs, failures);
    }
}
