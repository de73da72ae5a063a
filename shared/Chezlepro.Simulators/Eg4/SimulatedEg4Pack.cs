namespace Chezlepro.Simulators.Eg4;

/// <summary>Scriptable state of one simulated EG4-LL pack.</summary>
public sealed class SimulatedEg4Pack
{
    /// <summary>State of charge, %.</summary>
    public double Soc { get; set; } = 68;

    /// <summary>Current, A (+ charging).</summary>
    public double Current { get; set; } = -12.5;

    /// <summary>Cell voltage, V (all 16 cells; the first cell reads 4 mV lower).</summary>
    public double CellVoltage { get; set; } = 3.32;

    /// <summary>Warning flags (reg 26).</summary>
    public ushort Warning { get; set; }

    /// <summary>Protection flags (reg 27).</summary>
    public ushort Protection { get; set; }

    /// <summary>Error flags (reg 28).</summary>
    public ushort Error { get; set; }

    /// <summary>Cycle count.</summary>
    public uint Cycles { get; set; } = 152;

    /// <summary>Stays silent (dead unit).</summary>
    public bool Dead { get; set; }

    /// <summary>Corrupts the CRC of its replies.</summary>
    public bool CorruptCrc { get; set; }

    /// <summary>Answers with this exception code instead of data.</summary>
    public byte? ExceptionCode { get; set; }

    /// <summary>Registers 0–38 as the V01.06 map lays them out.</summary>
    public ushort[] RuntimeRegisters()
    {
        var r = new ushort[39];
        var cells = Enumerable.Range(0, 16).Select(i => (ushort)Math.Round((CellVoltage * 1000) - (i == 0 ? 4 : 0))).ToArray();
        r[0] = (ushort)cells.Sum(c => c / 10);
        r[1] = (ushort)(short)Math.Round(Current * 100);
        cells.CopyTo(r, 2);
        r[18] = 27;
        r[19] = 24;
        r[20] = 25;
        r[21] = (ushort)Math.Round(Soc);
        r[22] = 100;
        r[23] = 100;
        r[24] = (ushort)Math.Round(Soc);
        r[25] = (ushort)(Current > 0 ? 1 : Current < 0 ? 2 : 0);
        r[26] = Warning;
        r[27] = Protection;
        r[28] = Error;
        r[29] = (ushort)(Cycles >> 16);
        r[30] = (ushort)Cycles;
        var fullCapacity = 360_000_000u;
        r[31] = (ushort)(fullCapacity >> 16);
        r[32] = (ushort)fullCapacity;
        r[33] = 0x1818;
        r[34] = 0x1718;
        r[36] = 16;
        r[37] = 1000;
        return r;
    }
}
