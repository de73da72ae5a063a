using System.Globalization;

namespace Chezlepro.Delivery.Bench;

/// <summary>
/// Usage:
/// <c>chezlepro-delivery-bench drain [--count 1000000]</c>: one agent drains a pre-filled outbox to the collector with
/// acknowledgements, beside mosquitto_pub → mosquitto_sub (QoS 1) pushing the same payloads through the same broker;
/// prints the ratio (target ≥ 0.8), the agent's peak RSS (target &lt; 150 MB) and the outbox size before/after.
/// <c>chezlepro-delivery-bench restart [--agents 10] [--per-agent 50000]</c>: agents holding a backlog the broker has
/// queued for a stopped collector; time from the collector's start to every agent's watermark current.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "drain";
        return command switch
        {
            "drain" => await DrainBench.RunAsync(Option(args, "--count", 1_000_000)),
            "restart" => await RestartBench.RunAsync(Option(args, "--agents", 10), Option(args, "--per-agent", 50_000)),
            _ => Usage(),
        };
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: chezlepro-delivery-bench drain [--count N] | restart [--agents N] [--per-agent N]");
        return 2;
    }
}
