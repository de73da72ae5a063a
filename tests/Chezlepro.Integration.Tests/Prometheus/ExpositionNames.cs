namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>Metric family names of a Prometheus text exposition.</summary>
public static class ExpositionNames
{
    /// <summary>The names of the <c># TYPE</c> lines.</summary>
    public static IEnumerable<string> Of(string exposition) =>
        exposition.Split('\n')
            .Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 3)
            .Select(parts => parts[2]);
}
