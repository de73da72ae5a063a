using System.Text.Json.Serialization;

namespace Chezlepro.Collector.Availability;

/// <summary>Seconds per kind of a service's monthly timeline; they add up to the month's real length.</summary>
public sealed record TimelineTotals
{
    /// <summary>Time up.</summary>
    [JsonIgnore]
    public TimeSpan Up { get; init; }

    /// <summary>Time down.</summary>
    [JsonIgnore]
    public TimeSpan Down { get; init; }

    /// <summary>Time unknown.</summary>
    [JsonIgnore]
    public TimeSpan Unknown { get; init; }

    /// <summary>Time in announced maintenance.</summary>
    [JsonIgnore]
    public TimeSpan Excluded { get; init; }

    /// <summary>Time no contract of the service covers.</summary>
    [JsonIgnore]
    public TimeSpan OutsideContract { get; init; }

    /// <summary>Time after the computation (open month).</summary>
    [JsonIgnore]
    public TimeSpan Future { get; init; }

    /// <summary>Up seconds.</summary>
    public decimal UpSeconds => ToSeconds(Up);

    /// <summary>Down seconds.</summary>
    public decimal DownSeconds => ToSeconds(Down);

    /// <summary>Unknown seconds.</summary>
    public decimal UnknownSeconds => ToSeconds(Unknown);

    /// <summary>Excluded seconds.</summary>
    public decimal ExcludedSeconds => ToSeconds(Excluded);

    /// <summary>Outside-contract seconds.</summary>
    public decimal OutsideContractSeconds => ToSeconds(OutsideContract);

    /// <summary>Future seconds.</summary>
    public decimal FutureSeconds => ToSeconds(Future);

    /// <summary>All of it: the month's length in seconds.</summary>
    public decimal TotalSeconds => ToSeconds(Up + Down + Unknown + Excluded + OutsideContract + Future);

    /// <summary>The ratio's denominator: up + down (+ unknown when it counts as down).</summary>
    public TimeSpan Counted(bool unknownCountsAsDown) => Up + Down + (unknownCountsAsDown ? Unknown : TimeSpan.Zero);

    /// <summary>A duration in exact decimal seconds.</summary>
    public static decimal ToSeconds(TimeSpan span) => span.Ticks / (decimal)TimeSpan.TicksPerSecond;

    /// <summary>The totals of a list of segments.</summary>
    public static TimelineTotals Of(IEnumerable<TimelineSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        long up = 0, down = 0, unknown = 0, excluded = 0, outside = 0, future = 0;
        foreach (var s in segments)
        {
            var ticks = (s.To - s.From).Ticks;
            switch (s.Kind)
            {
                case TimelineKind.Up: up += ticks; break;
                case TimelineKind.Down: down += ticks; break;
                case TimelineKind.Unknown: unknown += ticks; break;
                case TimelineKind.Excluded: excluded += ticks; break;
                case TimelineKind.OutsideContract: outside += ticks; break;
                default: future += ticks; break;
            }
        }

        return new TimelineTotals
        {
            Up = TimeSpan.FromTicks(up),
            Down = TimeSpan.FromTicks(down),
            Unknown = TimeSpan.FromTicks(unknown),
            Excluded = TimeSpan.FromTicks(excluded),
            OutsideContract = TimeSpan.FromTicks(outside),
            Future = TimeSpan.FromTicks(future),
        };
    }
}
