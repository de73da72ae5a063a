using System.Globalization;

namespace Chezlepro.Testing.Processes;

/// <summary>Resident memory of a process from <c>/proc/&lt;pid&gt;/status</c>, in KiB, for benches.</summary>
public static class ProcessMemory
{
    /// <summary>The resident set now (<c>VmRSS</c>), or null when the process is gone.</summary>
    public static long? ResidentKb(int pid) => StatusKb(pid, "VmRSS:");

    /// <summary>The peak resident set so far (<c>VmHWM</c>), or null when the process is gone.</summary>
    public static long? PeakResidentKb(int pid) => StatusKb(pid, "VmHWM:");

    private static long? StatusKb(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
