namespace Chezlepro.Health;

/// <summary>Marks the assembly.</summary>
internal static class AssemblyMarker
{
}
