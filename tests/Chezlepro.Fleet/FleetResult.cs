namespace Chezlepro.Fleet;

/// <summary>What one fleet run measured (see <see cref="Report.FleetTable"/> for the meaning of each line).</summary>
internal sealed record FleetResult
{
    public required FleetOptions Options { get; init; }

    public required TimeSpan Run { get; init; }

    public required double CollectorCpuSeconds { get; init; }

    public double? BrokerCpuSeconds { get; init; }

    public required double GeneratorCpuSeconds { get; init; }

    public required long CollectorPeakRssKb { get; init; }

    public required long Captured { get; init; }

    public required long Published { get; init; }

    /// <summary>Messages captured during an outage and sent later from the watermark.</summary>
    public long Backlog { get; init; }

    public required double AckDelayP50 { get; init; }

    public required double AckDelayP99 { get; init; }

    public required int AckDelaySamples { get; init; }

    public required double StoreDelayP50 { get; init; }

    public required double StoreDelayP99 { get; init; }

    public required long StoredRows { get; init; }

    public required double SitesP50 { get; init; }

    public required double SitesP99 { get; init; }

    public required int SitesPolls { get; init; }

    public required double SlaP50 { get; init; }

    public required double SlaP99 { get; init; }

    public required int SlaPolls { get; init; }

    public required int ApiFailures { get; init; }

    public required long StoreGrowthBytes { get; init; }

    public required int Outages { get; init; }

    public required long Reconnects { get; init; }

    public required TimeSpan Drain { get; init; }

    public required int NodesAccounted { get; init; }

    public required long SeqUnacknowledged { get; init; }

    public required long SeqMissingAtCollector { get; init; }

    public double CollectorCores => CollectorCpuSeconds / Run.TotalSeconds;

    public double SimulatedDays => Run.TotalSeconds * Options.Speed / 86400;

    public double StoreBytesPerNodeDay => StoreGrowthBytes / (Options.Nodes * SimulatedDays);

    /// <summary>Real-time nodes per collector core: a run at speed S carries the traffic of S times its nodes.</summary>
    public double NodesPerCore => Options.Nodes * Options.Speed / CollectorCores;

    /// <summary>Every seq of every node acknowledged by the watermark and none missing at the collector.</summary>
    public bool AllAccounted => NodesAccounted == Options.Nodes && SeqUnacknowledged == 0 && SeqMissingAtCollector == 0;
}
