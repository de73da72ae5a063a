namespace Chezlepro.Devices.Power;

/// <summary>Alarm level as Victron encodes it (0 ok, 1 warning, 2 alarm); other vendors are mapped onto it.</summary>
public enum AlarmLevel
{
    /// <summary>No alarm (or not available: Victron reads 0 for both).</summary>
    Ok = 0,
    /// <summary>Warning / pre-alarm.</summary>
    Warning = 1,
    /// <summary>Alarm.</summary>
    Alarm = 2,
}
