using Chezlepro.Collector.Hosting;

namespace Chezlepro.Collector;

/// <summary>Entry point: <c>chezlepro-collector [--config file] [--Section:Key=value]…</c>.</summary>
public static class Program
{
    /// <summary>Runs the collector.</summary>
    public static async Task<int> Main(string[] args)
    {
        await using var app = CollectorApp.Build(args);
        await app.RunAsync();
        return 0;
    }
}
