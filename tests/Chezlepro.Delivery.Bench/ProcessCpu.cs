using System.Globalization;

namespace Chezlepro.Delivery.Bench;

/// <summary>CPU time a process has used so far (utime + stime of /proc/&lt;pid&gt;/stat): where the drain's time goes.</summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux the project builds for (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    public static double? Seconds(int? pid)
    {
        if (pid is null) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: fields are counted after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
