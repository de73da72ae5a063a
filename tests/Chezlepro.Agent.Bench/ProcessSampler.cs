using System.Globalization;

namespace Chezlepro.Agent.Bench;

/// <summary>Reads a process's resident set (VmRSS of /proc/&lt;pid&gt;/status) and CPU time (utime + stime of /proc/&lt;pid&gt;/stat).</summary>
internal sealed class ProcessSampler(string name, int pid)
{
    // USER_HZ is 100 on every Linux ABI .NET runs on (sysconf(_SC_CLK_TCK)).
    private const double ClockTicks = 100;
    private readonly List<long> _rssKb = [];

    public string Name { get; } = name;

    public int Pid { get; } = pid;

    public double? CpuAtWarm { get; private set; }

    public double CpuAtEnd { get; private set; }

    public long PeakRssKb => _rssKb.Count == 0 ? 0 : _rssKb.Max();

    public double AvgRssKb => _rssKb.Count == 0 ? 0 : _rssKb.Average();

    public long LastRssKb => _rssKb.Count == 0 ? 0 : _rssKb[^1];

    /// <summary>The last sample's anonymous (heap, stacks, rehydrated data) and file-backed (mapped binary and libraries) parts.</summary>
    public (long AnonKb, long FileKb) LastSplitKb { get; private set; }

    public bool Sample(bool warm)
    {
        var status = $"/proc/{Pid}/status";
        if (!File.Exists(status)) return false;
        var lines = File.ReadAllLines(status);
        var rss = lines.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        if (rss is null) return false;
        LastSplitKb = (Kb(lines, "RssAnon:"), Kb(lines, "RssFile:") + Kb(lines, "RssShmem:"));
        var cpu = CpuSeconds();
        if (warm)
        {
            CpuAtWarm ??= cpu;
            _rssKb.Add(long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
        }
        CpuAtEnd = cpu;
        return true;
    }

    private static long Kb(string[] lines, string key) =>
        lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : 0;

    private double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the parenthesised command name (which may contain spaces): state is field 3, utime 14, stime 15.
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
        return ticks / ClockTicks;
    }
}
