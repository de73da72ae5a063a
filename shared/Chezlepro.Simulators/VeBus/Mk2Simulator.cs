using Chezlepro.Devices.VeBus;
using Chezlepro.Modbus.Serial;
using Chezlepro.Simulators.Support;

namespace Chezlepro.Simulators.VeBus;

/// <summary>
/// An MK3-USB with a Quattro behind it, answering the MK2 protocol on the device end of a pty (2400 baud 8N1):
/// 'A', 'W' 0x36 (scales), 'W' 0x30 13 (SoC), 'F' 0 (DC), 'F' 1..3 (AC), 'L' (LEDs). Sends an idle 'V' frame before
/// each reply, as the real interface does about once a second. Scriptable mains loss, overload, bad checksums, silence.
/// </summary>
public sealed class Mk2Simulator : IAsyncDisposable
{
    private readonly LinkResponder _responder;

    private Mk2Simulator(IByteLink link) => _responder = new LinkResponder(link, Frame);

    /// <summary>Mains present (LED on, AC-in 120 V, charging).</summary>
    public bool Mains { get; set; } = true;

    /// <summary>Overload LED steady on.</summary>
    public bool Overload { get; set; }

    /// <summary>State of charge, %.</summary>
    public double Soc { get; set; } = 80;

    /// <summary>Battery voltage, V.</summary>
    public double BatteryVoltage { get; set; } = 52.8;

    /// <summary>Corrupts the checksum of replies.</summary>
    public bool CorruptChecksum { get; set; }

    /// <summary>Stops answering.</summary>
    public bool Silent { get; set; }

    /// <summary>Opens <paramref name="devicePath"/> at 2400 baud and starts answering.</summary>
    /// <param name="devicePath">Device end of a pty pair.</param>
    public static async Task<Mk2Simulator> StartAsync(string devicePath)
    {
        var port = SerialPortFactory.Create(new SerialSettings(devicePath, 2400));
        await port.OpenAsync(default).ConfigureAwait(false);
        return new Mk2Simulator(port);
    }

    private (int, byte[]?) Frame(ReadOnlyMemory<byte> memory)
    {
        if (Mk2Frame.Find(memory.Span) is not { } found)
        {
            return memory.Length > 64 ? (memory.Length - 16, null) : (0, null);
        }
        var f = memory.Span.Slice(found.Start, found.Length).ToArray();
        var reply = Silent ? null : Answer(f);
        if (reply is not null && CorruptChecksum)
        {
            reply[^1] ^= 0x01;
        }
        return (found.Start + found.Length, reply is null ? null : [.. Mk2Frame.Build('V', 0x24, 0xDB, 0x11, 0x00, 0x43), .. reply]);
    }

    private byte[]? Answer(byte[] f)
    {
        var command = (char)f[2];
        switch (command)
        {
            case 'A':
                return Mk2Frame.Build('A', 0x01, 0x00);
            case 'L':
                byte on = (byte)((Mains ? 0x01 : 0x10) | (Overload ? 0x20 : 0) | (Mains ? 0x04 : 0));
                return Mk2Frame.Build('L', on, 0x00, 0x00, 0x00);
            case 'W' when f[3] == 0x36:
                // RAM 3 signed (0x8000 bit), 7/8 periods, 13 SoC fraction, the rest 1/100.
                var (scale, offset) = f[4] switch
                {
                    3 => (unchecked((short)0x8064), 0),
                    7 => ((short)0x7857, 256),
                    8 => ((short)(0x8000 - 977), 0),
                    13 => ((short)(0x8000 - 200), 0),
                    _ => ((short)0x7F9C, 0),
                };
                return Mk2Frame.Wrap([0xFF, (byte)'W', 0x8E, (byte)scale, (byte)(scale >> 8), 0x8F, (byte)offset, (byte)(offset >> 8)]);
            case 'W' when f[3] == 0x30:
                var raw = (int)Math.Round(Soc * 2);
                return Mk2Frame.Wrap([0xFF, (byte)'W', 0x85, (byte)raw, (byte)(raw >> 8)]);
            case 'F' when f[3] == 0:
                var v = (int)Math.Round(BatteryVoltage * 100);
                var inverter = Mains ? 0 : 2500; // 25.00 A drawn by the inverter on battery
                var charger = Mains ? 1200 : 0;  // 12.00 A of charge on mains
                return Mk2Frame.Wrap([0x20, 0xF3, 0x00, 0xC8, 0x02, 0x0C, (byte)v, (byte)(v >> 8),
                    (byte)inverter, (byte)(inverter >> 8), 0, (byte)charger, (byte)(charger >> 8), 0, 136]);
            case 'F' when f[3] is >= 1 and <= 3:
                var mainsV = Mains ? 12000 : 0;
                var mainsI = Mains ? 1250 : 0;
                var outI = 1000;
                byte state = (byte)(Mains ? 9 : 4);
                return Mk2Frame.Wrap([0x20, 0x01, 0x01, 0xCA, state, (byte)(f[3] == 1 ? 0x08 : 0x08 - f[3] + 1),
                    (byte)mainsV, (byte)(mainsV >> 8), (byte)mainsI, (byte)(mainsI >> 8), 0xE0, 0x2E, (byte)outI, (byte)(outI >> 8), (byte)(Mains ? 195 : 0)]);
            default:
                return null;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _responder.DisposeAsync();
}
