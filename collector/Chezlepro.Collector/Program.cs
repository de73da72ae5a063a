using Chezlepro.Collector.Hosting;

namespace Chezlepro.Collector;

/// <summary>Entry point (a class, not static, so WebApplicationFactory can name it): <c>chezlepro-collector [--config file] [--Section:Key=value]…</c>.</summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Runs the collector.</summary>
    public static async Task<int> Main(string[] args)
    {
        await using var app = CollectorApp.Build(args);
        await app.RunAsync();
        return 0;
    }
}
