using Chezlepro.Fleet.Report;

namespace Chezlepro.Fleet;

/// <summary>
/// Usage: <c>chezlepro-fleet [--nodes 1000] [--minutes 10] [--speed 1] [--seed 16] [--store sqlite|postgres]
/// [--nodes-per-site 10] [--outages N] [--outage-minutes 3] [--broker-restart]</c>. Starts Mosquitto and the collector
/// (and PostgreSQL) on loopback, runs N simulated agents for the given wall-clock minutes, prints a Markdown table.
/// Exit code 0 when every seq was accounted for, 1 otherwise.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        FleetOptions options;
        try
        {
            options = FleetOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: chezlepro-fleet [--nodes N] [--minutes M] [--speed S] [--seed N] [--store sqlite|postgres] [--nodes-per-site N] [--outages N] [--outage-minutes M] [--broker-restart]");
            return 2;
        }
        var result = await new FleetRun(options, Console.Out).RunAsync();
        Console.WriteLine();
        Console.WriteLine("command: chezlepro-fleet " + string.Join(' ', args));
        Console.WriteLine(FleetTable.Render(result));
        return result.AllAccounted ? 0 : 1;
    }
}
