namespace Chezlepro.Fleet.Simulation;

/// <summary>Millisecond samples from many threads; percentiles by sorting once at the end (a bench, not a hot path).</summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _lock = new();
    private readonly List<double> _samples = [];

    public int Count
    {
        get
        {
            lock (_lock) return _samples.Count;
        }
    }

    public void Add(double milliseconds)
    {
        lock (_lock) _samples.Add(milliseconds);
    }

    /// <summary>Nearest-rank percentile (0 &lt; <paramref name="p"/> ≤ 100); NaN without samples.</summary>
    public double Percentile(double p)
    {
        lock (_lock) return Percentile(_samples, p);
    }

    public static double Percentile(List<double> samples, double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
