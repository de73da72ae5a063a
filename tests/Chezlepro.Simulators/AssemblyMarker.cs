namespace Chezlepro.Simulators;

internal static class AssemblyMarker
{
}
