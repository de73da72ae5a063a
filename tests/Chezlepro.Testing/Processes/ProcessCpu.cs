using System.Globalization;

namespace Chezlepro.Testing.Processes;

/// <summary>User + system CPU of a process from <c>/proc/&lt;pid&gt;/stat</c> (fields 14-17, in clock ticks), for benches.</summary>
public static class ProcessCpu
{
    // USER_HZ is 100 on every Linux the project targets (x86-64, arm64); /proc reports ticks of it.
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds used so far by the process itself, or null when it is gone.</summary>
    public static double? Seconds(int pid) => Read(pid) is { } f ? (f.User + f.System) / TicksPerSecond : null;

    /// <summary>
    /// CPU seconds of a process and its children: its own, what its reaped children left it (cutime, cstime) and what
    /// its live children used so far. PostgreSQL's postmaster with its backends, for example. Null when it is gone.
    /// </summary>
    public static double? TreeSeconds(int pid)
    {
        if (Read(pid) is not { } own) return null;
        var ticks = own.User + own.System + own.ChildUser + own.ChildSystem;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var child) || child == pid) continue;
            if (Read(child) is { } c && c.Parent == pid) ticks += c.User + c.System;
        }
        return ticks / TicksPerSecond;
    }

    private static (int Parent, long User, long System, long ChildUser, long ChildSystem)? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis (field 3 is index 0).
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);
        return ((int)L(f[1]), L(f[11]), L(f[12]), L(f[13]), L(f[14]));
    }
}
