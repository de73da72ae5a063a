namespace Chezlepro.Demo;

/// <summary>
/// The one-command demo: a private Mosquitto on a free loopback port, the collector with a catalog, two agents (two
/// sites) on simulated equipment, last month back-filled through the agents' outboxes, Prometheus and Alertmanager
/// when installed, until Ctrl-C. Everything it starts, it stops.
/// <c>--for &lt;duration&gt;</c> (seconds or hh:mm:ss) stops it after that long; <c>--smoke</c> waits for the back-fill
/// to be acknowledged (exit code 3 if it is not within two minutes), then runs for <c>--for</c> (60 s by default).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var smoke = args.Contains("--smoke");
        TimeSpan? runFor = smoke ? TimeSpan.FromSeconds(60) : null;
        var i = Array.IndexOf(args, "--for");
        if (i >= 0)
        {
            if (i + 1 >= args.Length || ParseDuration(args[i + 1]) is not { } parsed)
            {
                await Console.Error.WriteLineAsync($"--for needs a duration in seconds or hh:mm:ss (got '{(i + 1 < args.Length ? args[i + 1] : "")}').");
                return 2;
            }
            runFor = parsed;
        }
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
            var backfill = demo.WaitForBackfillAsync(TimeSpan.FromMinutes(2), stop.Token);
            if (smoke) await backfill;
            else _ = backfill.ContinueWith(t => Console.Error.WriteLine(t.Exception!.InnerException!.Message), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (DemoException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return smoke ? 3 : 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        try
        {
            await Task.Delay(runFor ?? Timeout.InfiniteTimeSpan, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: fall through to the orderly stop.
        }
        Console.WriteLine("Stopping…");
        return 0;
    }

    private static TimeSpan? ParseDuration(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span
        : null;
}
