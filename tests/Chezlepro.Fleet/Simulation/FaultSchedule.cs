namespace Chezlepro.Fleet.Simulation;

/// <summary>One node's outage: its cable cut at <paramref name="At"/> (wall time from the run's start) for <paramref name="Length"/>.</summary>
internal sealed record Outage(int Node, TimeSpan At, TimeSpan Length);

/// <summary>
/// The seeded fault schedule: outages start between 10 % and 60 % of the run and end by 90 % of it, so every backlog is
/// sent (from the node's watermark) while the run still measures; the optional broker restart comes at half time.
/// </summary>
internal static class FaultSchedule
{
    public static IReadOnlyList<Outage> Outages(FleetOptions options)
    {
        var rng = new Random(options.Seed);
        var run = TimeSpan.FromMinutes(options.Minutes);
        var length = options.Scaled(TimeSpan.FromMinutes(options.OutageMinutes));
        var outages = new List<Outage>();
        for (var i = 0; i < options.OutageCount; i++)
        {
            var at = run * (0.1 + (0.5 * rng.NextDouble()));
            var end = at + length;
            outages.Add(new Outage(rng.Next(options.Nodes), at, end <= run * 0.9 ? length : (run * 0.9) - at));
        }
        return outages.OrderBy(o => o.At).ToList();
    }
}
