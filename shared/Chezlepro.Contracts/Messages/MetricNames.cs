using System.Globalization;

namespace Chezlepro.Contracts.Messages;

/// <summary>
/// The metric names every power source must use when it has the value (contract.md, "Metric names every power
/// source must use"). Dashboards, the collector's failover rules and the agent's status page read these exact
/// strings, so sources, alert rules and the collector take them from here instead of spelling them again.
/// </summary>
public static class MetricNames
{
    /// <summary><c>grid.available</c>: 1 on grid (or shore), 0 on battery.</summary>
    public const string GridAvailable = "grid.available";

    /// <summary><c>grid.voltage</c>: AC input voltage, V.</summary>
    public const string GridVoltage = "grid.voltage";

    /// <summary><c>ac.out.power</c>: AC output power to the loads, W.</summary>
    public const string AcOutPower = "ac.out.power";

    /// <summary><c>battery.voltage</c>: V.</summary>
    public const string BatteryVoltage = "battery.voltage";

    /// <summary><c>battery.current</c>: A, positive when charging.</summary>
    public const string BatteryCurrent = "battery.current";

    /// <summary><c>battery.power</c>: W, positive when charging.</summary>
    public const string BatteryPower = "battery.power";

    /// <summary><c>battery.soc</c>: state of charge, %.</summary>
    public const string BatterySoc = "battery.soc";

    /// <summary><c>battery.soh</c>: state of health, %.</summary>
    public const string BatterySoh = "battery.soh";

    /// <summary><c>battery.temperature</c>: °C.</summary>
    public const string BatteryTemperature = "battery.temperature";

    /// <summary><c>battery.runtime</c>: estimated seconds to empty at the present draw; absent while charging.</summary>
    public const string BatteryRuntime = "battery.runtime";

    /// <summary><c>inverter.state</c>: the vendor's state code.</summary>
    public const string InverterState = "inverter.state";

    /// <summary><c>pv.power</c>: solar power, W.</summary>
    public const string PvPower = "pv.power";

    /// <summary><c>genset.running</c>: 1 while the generator runs, 0 otherwise.</summary>
    public const string GensetRunning = "genset.running";

    /// <summary>The per-pack value names of <see cref="BatteryPack"/> (EG4 packs).</summary>
    public static class Pack
    {
        /// <summary><c>voltage</c>: V.</summary>
        public const string Voltage = "voltage";

        /// <summary><c>current</c>: A, positive when charging.</summary>
        public const string Current = "current";

        /// <summary><c>soc</c>: %.</summary>
        public const string Soc = "soc";

        /// <summary><c>soh</c>: %.</summary>
        public const string Soh = "soh";

        /// <summary><c>cell.min</c>: lowest cell voltage, V.</summary>
        public const string CellMin = "cell.min";

        /// <summary><c>cell.max</c>: highest cell voltage, V.</summary>
        public const string CellMax = "cell.max";

        /// <summary><c>temperature.max</c>: highest pack temperature, °C.</summary>
        public const string TemperatureMax = "temperature.max";

        /// <summary><c>cycles</c>: charge cycles counted by the pack.</summary>
        public const string Cycles = "cycles";
    }

    /// <summary><c>battery.pack.&lt;n&gt;.&lt;name&gt;</c>: one value of one pack.</summary>
    /// <param name="pack">The pack's number (its address on the bus).</param>
    /// <param name="name">One of the names in <see cref="Pack"/>.</param>
    public static string BatteryPack(int pack, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"battery.pack.{pack}.{name}");
}
