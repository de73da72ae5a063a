using Chezlepro.Devices.Power;
using Chezlepro.Modbus;
using Chezlepro.Modbus.Registers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Devices.Victron;

/// <summary>
/// Reads a Victron GX over Modbus TCP: plans the reads per service (fewest requests inside the defined ranges),
/// reads them with FC 4, and decodes. A vebus or battery unit that answers exception 10 (no such service) is
/// skipped for this poll; any other failure propagates.
/// </summary>
public sealed class VictronGxClient
{
    private readonly ModbusMaster _master;
    private readonly VictronGxUnits _units;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<RegisterBlock> _systemPlan;
    private readonly IReadOnlyList<RegisterBlock> _vebusPlan;
    private readonly IReadOnlyList<RegisterBlock> _batteryPlan;

    /// <summary>Creates the client. No I/O.</summary>
    /// <param name="master">Master on a TCP transport to the GX.</param>
    /// <param name="units">Unit ids.</param>
    /// <param name="logger">Logger.</param>
    public VictronGxClient(ModbusMaster master, VictronGxUnits units, ILogger? logger = null)
    {
        _master = master;
        _units = units;
        _logger = logger ?? NullLogger.Instance;
        var max = master.Options.MaxRegistersPerRequest;
        _systemPlan = RegisterBlockPlanner.Plan(VictronRegisters.System, VictronRegisters.SystemRanges, max);
        _vebusPlan = RegisterBlockPlanner.Plan(VictronRegisters.Vebus, VictronRegisters.VebusRanges, max);
        _batteryPlan = RegisterBlockPlanner.Plan(VictronRegisters.Battery, VictronRegisters.BatteryRanges, max);
    }

    /// <summary>Requests one full poll needs with block planning.</summary>
    public int RequestsPerPoll => _systemPlan.Count + (_units.Vebus is null ? 0 : _vebusPlan.Count) + (_units.Battery is null ? 0 : _batteryPlan.Count);

    /// <summary>Reads every configured service once.</summary>
    /// <param name="cancellationToken">Cancels the poll.</param>
    public async Task<PowerSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var system = await ReadUnitAsync(_units.System, _systemPlan, optional: false, cancellationToken).ConfigureAwait(false);
        var vebus = _units.Vebus is { } v ? await ReadUnitAsync(v, _vebusPlan, optional: true, cancellationToken).ConfigureAwait(false) : null;
        var battery = _units.Battery is { } b ? await ReadUnitAsync(b, _batteryPlan, optional: true, cancellationToken).ConfigureAwait(false) : null;
        return VictronDecoder.Decode(system, vebus, battery);
    }

    private async Task<RegisterValues?> ReadUnitAsync(byte unit, IReadOnlyList<RegisterBlock> plan, bool optional, CancellationToken cancellationToken)
    {
        var values = new RegisterValues();
        try
        {
            foreach (var block in plan)
            {
                values.Add(block.Address, await _master.ReadInputRegistersAsync(unit, block.Address, block.Count, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (ModbusException e) when (optional && e.Code == ModbusExceptionCode.GatewayPathUnavailable)
        {
            DevicesLog.VictronUnitMissing(_logger, unit);
            return null;
        }
        DevicesLog.VictronUnitRead(_logger, unit, plan.Count);
        return values;
    }
}
