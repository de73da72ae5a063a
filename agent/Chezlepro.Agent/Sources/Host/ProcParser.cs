using System.Globalization;

namespace Chezlepro.Agent.Sources.Host;

/// <summary>Pure parsers for the Linux <c>/proc</c> files the host source reads (proc(5)).</summary>
public static class ProcParser
{
    // Pseudo and virtual file systems carry no client data; reporting them would only be noise.
    private static readonly HashSet<string> VirtualFileSystems = new(StringComparer.Ordinal)
    {
        "proc", "sysfs", "devtmpfs", "devpts", "tmpfs", "cgroup", "cgroup2", "pstore", "bpf", "tracefs", "debugfs",
        "securityfs", "mqueue", "hugetlbfs", "configfs", "fusectl", "autofs", "binfmt_misc", "rpc_pipefs", "nsfs",
        "overlay", "squashfs", "efivarfs", "ramfs", "fuse.lxcfs", "fuse.gvfsd-fuse", "nfsd", "selinuxfs",
    };

    /// <summary>Load averages from <c>/proc/loadavg</c> ("0.52 0.58 0.59 1/467 12345").</summary>
    public static (double One, double Five, double Fifteen) ParseLoadAverage(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) throw new FormatException("/proc/loadavg: expected at least 3 fields.");
        return (Number(parts[0], "load1"), Number(parts[1], "load5"), Number(parts[2], "load15"));
    }

    /// <summary>Seconds since boot from <c>/proc/uptime</c> ("350735.47 234388.90").</summary>
    public static double ParseUptime(string text)
    {
        var first = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? throw new FormatException("/proc/uptime is empty.");
        return Number(first, "uptime");
    }

    /// <summary>Total and available memory in bytes from <c>/proc/meminfo</c> (values in kB).</summary>
    public static (long TotalBytes, long AvailableBytes) ParseMemInfo(string text)
    {
        long? total = null, available = null, free = null, buffers = null, cached = null;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var key = line[..colon];
            var value = line[(colon + 1)..].Trim();
            if (value.EndsWith(" kB", StringComparison.Ordinal)) value = value[..^3];
            if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)) continue;
            switch (key)
            {
                case "MemTotal": total = kb; break;
                case "MemAvailable": available = kb; break;
                case "MemFree": free = kb; break;
                case "Buffers": buffers = kb; break;
                case "Cached": cached = kb; break;
            }
        }
        if (total is null) throw new FormatException("/proc/meminfo has no MemTotal.");
        // MemAvailable exists since Linux 3.14; older kernels get the classic free + buffers + cached estimate.
        var avail = available ?? (free ?? 0) + (buffers ?? 0) + (cached ?? 0);
        return (total.Value * 1024, avail * 1024);
    }

    /// <summary>Mount points of real file systems from <c>/proc/mounts</c>, de-duplicated, octal escapes decoded.</summary>
    public static IReadOnlyList<string> ParseMounts(string text)
    {
        var result = new List<string>();
        var seenDevices = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ');
            if (f.Length < 3) continue;
            if (VirtualFileSystems.Contains(f[2])) continue;
            // Bind mounts show the same device twice; report each file system once.
            if (f[0].StartsWith('/') && !seenDevices.Add(f[0])) continue;
            var mount = Unescape(f[1]);
            if (mount.StartsWith("/proc", StringComparison.Ordinal) || mount.StartsWith("/sys", StringComparison.Ordinal)
                || mount.StartsWith("/run", StringComparison.Ordinal) || mount.StartsWith("/dev", StringComparison.Ordinal)) continue;
            if (!result.Contains(mount)) result.Add(mount);
        }
        return result;
    }

    /// <summary>Metric-safe name of a mount point: <c>/</c> → <c>root</c>, <c>/var/lib</c> → <c>var-lib</c>.</summary>
    public static string MountMetricName(string mount)
    {
        var trimmed = mount.Trim('/');
        return trimmed.Length == 0 ? "root" : Contracts.Identity.Identifiers.Normalize(trimmed.Replace('/', '-'));
    }

    private static double Number(string s, string what) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"{what}: '{(s.Length > 20 ? s[..20] : s)}' is not a number.");

    // proc(5): spaces, tabs, newlines and backslashes in mount points are written as \040, \011, \012, \134.
    private static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal)) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 3 < s.Length && IsOctal(s[i + 1]) && IsOctal(s[i + 2]) && IsOctal(s[i + 3]))
            {
                sb.Append((char)(((s[i + 1] - '0') * 64) + ((s[i + 2] - '0') * 8) + (s[i + 3] - '0')));
                i += 3;
            }
            else
            {
                sb.Append(s[i]);
            }
        }
        return sb.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
