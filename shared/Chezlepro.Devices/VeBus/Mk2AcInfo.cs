namespace Chezlepro.Devices.VeBus;

/// <summary>AC info frame of one phase.</summary>
/// <param name="Phase">Phase number 1..4.</param>
/// <param name="State">Device state code.</param>
/// <param name="StateName">Device state name.</param>
/// <param name="MainsVoltage">AC-in voltage, V.</param>
/// <param name="MainsCurrent">AC-in current, A.</param>
/// <param name="InverterVoltage">AC-out voltage, V.</param>
/// <param name="InverterCurrent">AC-out current, A.</param>
/// <param name="MainsFrequency">AC-in frequency, Hz.</param>
public sealed record Mk2AcInfo(int Phase, int State, string StateName, double MainsVoltage, double MainsCurrent,
    double InverterVoltage, double InverterCurrent, double MainsFrequency);
