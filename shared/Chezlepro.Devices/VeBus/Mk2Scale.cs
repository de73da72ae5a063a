namespace Chezlepro.Devices.VeBus;

/// <summary>Scale of a RAM variable from the 'W' 0x36 reply (victron.md §2.5): value = Factor × (raw + Offset).</summary>
/// <param name="Factor">Multiplier.</param>
/// <param name="Offset">Added to the raw value first.</param>
/// <param name="Signed">Raw value is two's complement.</param>
public sealed record Mk2Scale(double Factor, int Offset, bool Signed)
{
    /// <summary>Applies the scale to a 16-bit raw value.</summary>
    /// <param name="raw">Raw value.</param>
    public double Apply(int raw) => Factor * ((Signed ? (short)raw : raw) + Offset);

    /// <summary>Frequency from a period byte (RAM 7/8): 10 / (Factor × (raw + Offset)); 0x00 and 0xFF mean 0 Hz.</summary>
    /// <param name="raw">Period byte.</param>
    public double Frequency(int raw) => raw is 0 or 0xFF ? 0 : 10 / (Factor * (raw + Offset));
}
