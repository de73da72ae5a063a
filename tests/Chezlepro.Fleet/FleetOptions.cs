using System.Globalization;

namespace Chezlepro.Fleet;

/// <summary>
/// What one fleet run does. <see cref="Speed"/> compresses the schedule only: every interval (power every 10 s, host and
/// health every 30 s, outage lengths) is divided by it, so one wall-clock minute carries <c>Speed</c> minutes of fleet
/// traffic; capture timestamps stay the real clock, so delays are real delays. <see cref="Minutes"/> is wall-clock time.
/// </summary>
internal sealed record FleetOptions
{
    public int Nodes { get; init; } = 1000;

    public int NodesPerSite { get; init; } = 10;

    public double Minutes { get; init; } = 10;

    public double Speed { get; init; } = 1;

    public int Seed { get; init; } = 16;

    /// <summary><c>sqlite</c> or <c>postgres</c> (a private cluster started for the run).</summary>
    public string Store { get; init; } = "sqlite";

    /// <summary>Outages in the run: a random node drops its connection (RST) and stays away <see cref="OutageMinutes"/>.</summary>
    public int Outages { get; init; } = -1;

    /// <summary>Length of one outage in schedule minutes (wall time = this / <see cref="Speed"/>).</summary>
    public double OutageMinutes { get; init; } = 3;

    /// <summary>Restart Mosquitto (SIGTERM, start again on the same port, no persistence) half way through.</summary>
    public bool BrokerRestart { get; init; }

    /// <summary>Wall-clock pause between two polls of each measured API endpoint.</summary>
    public TimeSpan ApiPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the end of the run may wait for every seq to be acknowledged.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Outages actually scheduled: the given count, or one node in twenty by default.</summary>
    public int OutageCount => Outages >= 0 ? Outages : Math.Max(1, Nodes / 20);

    public TimeSpan Scaled(TimeSpan scheduleInterval) => scheduleInterval / Speed;

    public static FleetOptions Parse(IReadOnlyList<string> args)
    {
        var o = new FleetOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            o = name switch
            {
                "--nodes" => o with { Nodes = Int(name, Next(), 1) },
                "--nodes-per-site" => o with { NodesPerSite = Int(name, Next(), 1) },
                "--minutes" => o with { Minutes = Real(name, Next()) },
                "--speed" => o with { Speed = Real(name, Next()) },
                "--seed" => o with { Seed = Int(name, Next(), 0) },
                "--store" => o with { Store = StoreKind(Next()) },
                "--outages" => o with { Outages = Int(name, Next(), 0) },
                "--outage-minutes" => o with { OutageMinutes = Real(name, Next()) },
                "--broker-restart" => o with { BrokerRestart = true },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return o;
    }

    private static string StoreKind(string value) =>
        value is "sqlite" or "postgres" ? value : throw new ArgumentException($"--store {value}: sqlite or postgres");

    private static int Int(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
            ? v : throw new ArgumentException($"{name} {value}: an integer >= {min}");

    private static double Real(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : throw new ArgumentException($"{name} {value}: a positive number");
}
