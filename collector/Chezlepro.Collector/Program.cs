using Chezlepro.Collector.Hosting;

namespace Chezlepro.Collector;

/// <summary>Entry point (a class, not static, so WebApplicationFactory can name it): <c>chezlepro-collector [check-config | rebuild-intervals] [--config file] [--Section:Key=value]…</c>.</summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>
    /// Runs the collector; exits non-zero when it did not start or a background service faulted, so systemd
    /// (<c>Restart=on-failure</c>) starts it again.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "check-config") return CheckConfigCommand.Run(args[1..], Console.Out, Console.Error);
        if (args is ["evidence", ..]) return await Cli.EvidenceCommand.RunAsync(args[1..]);
        if (Cli.OperatorCli.Handles(args)) return await Cli.OperatorCli.RunAsync(args);
        if (args.Length > 0 && args[0] == "rebuild-intervals") return await RebuildIntervalsCommand.RunAsync(args[1..], Console.Out, CancellationToken.None);
        await using var app = CollectorApp.Build(args);
        return await CollectorApp.RunAsync(app);
    }
}
