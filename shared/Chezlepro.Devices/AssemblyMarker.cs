namespace Chezlepro.Devices;

/// <summary>Marks the assembly.</summary>
internal static class AssemblyMarker
{
}
