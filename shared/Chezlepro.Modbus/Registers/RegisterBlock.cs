namespace Chezlepro.Modbus.Registers;

/// <summary>One read request produced by the planner.</summary>
/// <param name="Address">First register.</param>
/// <param name="Count">Register count.</param>
public readonly record struct RegisterBlock(ushort Address, ushort Count);
