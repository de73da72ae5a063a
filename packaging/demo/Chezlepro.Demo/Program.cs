namespace Chezlepro.Demo;

/// <summary>
/// The one-command demo: a private Mosquitto on a free loopback port, the collector, and two agents (two
/// sites) on simulated equipment, until Ctrl-C. Everything it starts, it stops.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var runDirectory = Directory.CreateTempSubdirectory("chezlepro-demo-").FullName;
        await using var demo = new DemoSystem(runDirectory, Console.Out);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
            {
                ctx.Cancel = true;
                stop.Cancel();
            });
        try
        {
            await demo.StartAsync(stop.Token);
        }
        catch (DemoException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        var seconds = args.Contains("--smoke") ? 20 : -1;
        try
        {
            await Task.Delay(seconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds), stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: fall through to the orderly stop.
        }
        Console.WriteLine("Stopping…");
        return 0;
    }
}
