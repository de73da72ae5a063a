namespace Chezlepro.Simulators.Victron;

/// <summary>Register values of the simulated services (scales as victron.md §1.3–1.6: register = round(value × scale)).</summary>
public sealed partial class VictronGxSimulator
{
    private const string Serial = "c0619ab1d2e3";

    private static ushort S16(double v) => (ushort)(short)Math.Round(v);

    private static ushort U16(double v) => (ushort)Math.Clamp(Math.Round(v), 0, ushort.MaxValue);

    private double BatteryPower => Voltage * Current;

    private ushort? SystemRegister(int a)
    {
        if (a is < 800 or > 918)
        {
            return null;
        }
        if (a is >= 827 and <= 829 or >= 836 and <= 839 or >= 847 and <= 849 or >= 852 and <= 854 or >= 856 and <= 859 or >= 861 and <= 864 or 867)
        {
            return 0xFFFF; // RESERVED
        }
        if (a is >= 800 and <= 805)
        {
            var i = (a - 800) * 2;
            return (ushort)((Serial[i] << 8) | Serial[i + 1]);
        }
        var charging = Current > 0;
        var gridPower = _grid ? LoadWatts + Math.Max(0, BatteryPower) - PvWatts : 0;
        return a switch
        {
            808 => U16(PvWatts),
            817 => U16(LoadWatts),
            820 => S16(gridPower),
            826 => (ushort)(_grid ? 1 : 240),
            840 => U16(Voltage * 10),
            841 => S16(Current * 10),
            842 => S16(BatteryPower),
            843 => U16(_soc),
            844 => (ushort)(charging ? 1 : Current < 0 ? 2 : 0),
            846 => Current < 0 ? U16(CapacityAh * _soc / 100 / -Current * 3600 / 100) : (ushort)0,
            _ => 0,
        };
    }

    private ushort? VebusRegister(int a)
    {
        if (a is < 3 or > 104)
        {
            return null;
        }
        const double AcVolts = 120;
        var inPower = _grid ? LoadWatts + Math.Max(0, BatteryPower) : 0;
        return a switch
        {
            3 => U16(_grid ? AcVolts * 10 : 0),
            6 => S16(_grid ? inPower / AcVolts * 10 : 0),
            9 => U16(_grid ? 6000 : 0),
            12 => S16(inPower / 10),
            15 => U16(AcVolts * 10),
            18 => S16(LoadWatts / AcVolts * 10),
            21 => 6000,
            23 => S16(LoadWatts / 10),
            26 => U16(Voltage * 100),
            27 => S16(Current * 10),
            28 => 1,
            29 => (ushort)(_grid ? 0 : 240),
            30 => U16(_soc * 10),
            31 => (ushort)(_grid ? (_soc < 100 ? 3 : 5) : 9),
            33 => 3,
            34 => (ushort)(HighTemperature ? 2 : 0),
            35 => (ushort)(_soc < 10 ? 2 : _soc < 20 ? 1 : 0),
            36 => (ushort)(Overload ? 2 : 0),
            61 => 250,
            64 => (ushort)(_grid ? 0 : 2),
            95 => (ushort)(_grid ? (_soc < 100 ? 1 : 3) : 0),
            _ => 0,
        };
    }

    private ushort? BatteryRegister(int a)
    {
        if (a is not (>= 256 and <= 309 or >= 318 and <= 329))
        {
            return null;
        }
        var power = (int)Math.Round(BatteryPower);
        return a switch
        {
            256 => (ushort)(power >> 16),
            257 => (ushort)(power & 0xFFFF),
            258 => S16(power),
            259 => U16(Voltage * 100),
            261 => S16(Current * 10),
            262 => 215,
            266 => U16(_soc * 10),
            272 => (ushort)(_soc < 10 ? 2 : 0),
            304 => 980,
            309 => U16(CapacityAh * 10),
            318 => 200,
            319 => 230,
            323 => (ushort)(BatteryFault ? 2 : 0),
            _ => 0,
        };
    }
}
