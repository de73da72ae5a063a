using Chezlepro.Devices.Power;

namespace Chezlepro.Devices.VeBus;

/// <summary>LED status (victron.md §2.8): a LED is on when set in <paramref name="On"/>, blinking when set only in <paramref name="Blink"/>.</summary>
/// <param name="On">Steady bits.</param>
/// <param name="Blink">Blinking bits.</param>
public sealed record Mk2Leds(byte On, byte Blink)
{
    /// <summary>Mains LED mask.</summary>
    public const byte Mains = 0x01;

    /// <summary>Overload LED mask.</summary>
    public const byte Overload = 0x20;

    /// <summary>Low-battery LED mask.</summary>
    public const byte LowBattery = 0x40;

    /// <summary>Temperature LED mask.</summary>
    public const byte Temperature = 0x80;

    /// <summary>Alarm level of a LED: steady = alarm, blinking = warning (pre-alarm, as on the Quattro panel).</summary>
    /// <param name="mask">LED mask.</param>
    public AlarmLevel Level(byte mask) =>
        (On & mask) != 0 ? AlarmLevel.Alarm : (Blink & mask) != 0 ? AlarmLevel.Warning : AlarmLevel.Ok;
}
