namespace Chezlepro.Modbus;

/// <summary>Marks the assembly.</summary>
internal static class AssemblyMarker
{
}
