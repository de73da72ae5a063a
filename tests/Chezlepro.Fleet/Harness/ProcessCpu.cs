using System.Globalization;

namespace Chezlepro.Fleet.Harness;

/// <summary>User + system CPU of a process from <c>/proc/&lt;pid&gt;/stat</c> (fields 14 and 15, in clock ticks).</summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux the project targets (x86-64, arm64); /proc reports ticks of it.
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds used so far, or null when the process is gone.</summary>
    public static double? Seconds(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (user + system) / TicksPerSecond;
    }
}
