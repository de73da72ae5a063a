using System.Globalization;

namespace Chezlepro.Testing.Processes;

/// <summary>
/// A CPU budget for one process, through a cgroup of its own (v1 <c>cpu</c> controller: <c>cpu.cfs_quota_us</c>; v2:
/// <c>cpu.max</c>), for benches that must show how one component scales when the machine also runs its peers: on a
/// 2-core box two uncapped collectors compete with the broker, the database and the generator for the same cores, so the
/// ratio measures the box, not the collectors. Needs root; <see cref="TryCreate"/> says why when it cannot.
/// Disposing moves the process back to the root group (if still alive) and removes the group.
/// </summary>
public sealed class CpuQuota : IDisposable
{
    private const int PeriodMicroseconds = 100_000;
    private readonly string _group;
    private readonly string _rootProcs;

    private CpuQuota(string group, string rootProcs)
    {
        _group = group;
        _rootProcs = rootProcs;
    }

    /// <summary>Where the group lives (for the bench's printout).</summary>
    public string Group => _group;

    /// <summary>
    /// Limits <paramref name="pid"/> to <paramref name="cores"/> of CPU time (0.5: half of one core, averaged over 100 ms).
    /// Null with <paramref name="why"/> when this machine offers no writable cpu controller.
    /// </summary>
    public static CpuQuota? TryCreate(int pid, double cores, out string why)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cores);
        var quota = ((long)Math.Round(cores * PeriodMicroseconds)).ToString(CultureInfo.InvariantCulture);
        var name = FormattableString.Invariant($"chezlepro-bench-{Environment.ProcessId}-{pid}");
        try
        {
            if (File.Exists("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"))
            {
                var group = Path.Combine("/sys/fs/cgroup/cpu", name);
                Directory.CreateDirectory(group);
                File.WriteAllText(Path.Combine(group, "cpu.cfs_period_us"), PeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
                File.WriteAllText(Path.Combine(group, "cpu.cfs_quota_us"), quota);
                File.WriteAllText(Path.Combine(group, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));
                why = "";
                return new CpuQuota(group, "/sys/fs/cgroup/cpu/cgroup.procs");
            }
            if (File.Exists("/sys/fs/cgroup/cgroup.controllers") && File.ReadAllText("/sys/fs/cgroup/cgroup.controllers").Split(' ', '\n').Contains("cpu"))
            {
                var group = Path.Combine("/sys/fs/cgroup", name);
                Directory.CreateDirectory(group);
                File.WriteAllText(Path.Combine(group, "cpu.max"), $"{quota} {PeriodMicroseconds.ToString(CultureInfo.InvariantCulture)}");
                File.WriteAllText(Path.Combine(group, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));
                why = "";
                return new CpuQuota(group, "/sys/fs/cgroup/cgroup.procs");
            }
            why = "no cgroup cpu controller under /sys/fs/cgroup";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            why = $"cgroup not writable ({ex.Message}); run as root";
            return null;
        }
    }

    /// <summary>CPU seconds the group's processes were held back by the quota (v1 <c>throttled_time</c>, v2 <c>throttled_usec</c>).</summary>
    public double ThrottledSeconds()
    {
        foreach (var line in File.ReadLines(Path.Combine(_group, "cpu.stat")))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v)) continue;
            if (parts[0] == "throttled_time") return v / 1e9;
            if (parts[0] == "throttled_usec") return v / 1e6;
        }
        return 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            foreach (var pid in File.ReadAllLines(Path.Combine(_group, "cgroup.procs")).Where(l => l.Length > 0)) File.WriteAllText(_rootProcs, pid);
            Directory.Delete(_group);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A group left behind is empty once its process exits; it costs nothing and is named after the bench's pid.
        }
    }
}
