using Chezlepro.Modbus;
using Chezlepro.Modbus.Pdu;
using Chezlepro.Simulators.Support;

namespace Chezlepro.Simulators.Victron;

/// <summary>
/// A Victron GX as dbus-modbustcp presents it (victron.md §1): system service at unit 100, a Quattro at unit 227,
/// a CAN BMS at unit 225, on 127.0.0.1 only. FC 3 and 4 read the same map; addresses outside the defined ranges
/// answer exception 2, other unit ids exception 10, a killed unit stays silent.
/// The site is scriptable: while the grid is lost the battery carries the load and discharges (SoC and runtime fall);
/// when it returns the battery recharges. Battery state advances with the <see cref="TimeProvider"/> given at start,
/// multiplied by <see cref="Speed"/>.
/// </summary>
public sealed partial class VictronGxSimulator : IAsyncDisposable
{
    /// <summary>Unit id of the system service.</summary>
    public const byte SystemUnit = 100;

    /// <summary>Unit id of the Quattro (Cerbo GX VE.Bus port).</summary>
    public const byte VebusUnit = 227;

    /// <summary>Unit id of the CAN BMS battery service.</summary>
    public const byte BatteryUnit = 225;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly HashSet<byte> _dead = [];
    private readonly ModbusTcpServer _server;
    private DateTimeOffset _last;
    private double _soc = 90;
    private bool _grid = true;

    private VictronGxSimulator(int port, TimeProvider time)
    {
        _time = time;
        _last = time.GetUtcNow();
        _server = new ModbusTcpServer(port, Handle);
    }

    /// <summary>Starts the simulator listening on 127.0.0.1.</summary>
    /// <param name="port">Port, 0 for any free one.</param>
    /// <param name="time">Clock driving the battery model (default: system clock).</param>
    public static Task<VictronGxSimulator> StartAsync(int port = 0, TimeProvider? time = null) =>
        Task.FromResult(new VictronGxSimulator(port, time ?? TimeProvider.System));

    /// <summary>Port listened on.</summary>
    public int Port => _server.Port;

    /// <summary>Modbus requests served so far.</summary>
    public long RequestCount => _server.RequestCount;

    /// <summary>Usable battery capacity, Ah. <value>Default 200.</value></summary>
    public double CapacityAh { get; set; } = 200;

    /// <summary>AC load, W. <value>Default 1500.</value></summary>
    public double LoadWatts { get; set; } = 1500;

    /// <summary>Charge current while the grid is present and SoC is below 100 %, A. <value>Default 40.</value></summary>
    public double ChargeCurrent { get; set; } = 40;

    /// <summary>Solar power, W. <value>Default 0.</value></summary>
    public double PvWatts { get; set; }

    /// <summary>Time multiplier of the battery model (a demo can discharge in minutes). <value>Default 1.</value></summary>
    public double Speed { get; set; } = 1;

    /// <summary>Inverter overload alarm raised.</summary>
    public bool Overload { get; set; }

    /// <summary>Inverter high-temperature alarm raised.</summary>
    public bool HighTemperature { get; set; }

    /// <summary>BMS internal-failure alarm raised.</summary>
    public bool BatteryFault { get; set; }

    /// <summary>True while the grid is present.</summary>
    public bool GridAvailable
    {
        get
        {
            lock (_gate)
            {
                return _grid;
            }
        }
    }

    /// <summary>State of charge now, %.</summary>
    public double Soc
    {
        get
        {
            lock (_gate)
            {
                Advance();
                return _soc;
            }
        }
    }

    /// <summary>Cuts the grid: the battery now carries the load.</summary>
    public void LoseGrid() => Script(() => _grid = false);

    /// <summary>Restores the grid: the load moves to the grid and the battery recharges.</summary>
    public void RestoreGrid() => Script(() => _grid = true);

    /// <summary>Sets the state of charge.</summary>
    /// <param name="soc">0–100 %.</param>
    public void SetSoc(double soc) => Script(() => _soc = Math.Clamp(soc, 0, 100));

    /// <summary>Makes a unit stop answering (requests time out), as when a device drops off the GX.</summary>
    /// <param name="unitId">Unit id.</param>
    public void KillUnit(byte unitId) => Script(() => _dead.Add(unitId));

    /// <summary>Makes a killed unit answer again.</summary>
    /// <param name="unitId">Unit id.</param>
    public void ReviveUnit(byte unitId) => Script(() => _dead.Remove(unitId));

    private void Script(Action change)
    {
        lock (_gate)
        {
            Advance();
            change();
        }
    }

    /// <summary>Battery voltage model: 48 V empty to 54 V full.</summary>
    private double Voltage => 48 + (6 * _soc / 100);

    /// <summary>Battery current, + = charging.</summary>
    private double Current => _grid ? (_soc < 100 ? ChargeCurrent : 0) : (_soc > 0 ? -LoadWatts / Voltage : 0);

    private void Advance()
    {
        var now = _time.GetUtcNow();
        var hours = (now - _last).TotalHours * Speed;
        _last = now;
        if (hours > 0)
        {
            _soc = Math.Clamp(_soc + (Current * hours / CapacityAh * 100), 0, 100);
        }
    }

    private byte[]? Handle(byte unit, byte[] pdu)
    {
        lock (_gate)
        {
            if (_dead.Contains(unit))
            {
                return null;
            }
            Advance();
            Func<int, ushort?>? map = unit switch
            {
                SystemUnit or 0 => SystemRegister,
                VebusUnit => VebusRegister,
                BatteryUnit => BatteryRegister,
                _ => null,
            };
            return map is null
                ? ExceptionPdu.Encode(pdu.Length > 0 ? pdu[0] : (byte)0, ModbusExceptionCode.GatewayPathUnavailable)
                : RegisterServer.Handle(pdu, map);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
