using System.Runtime.InteropServices;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Sources.Host;

/// <summary>
/// This node's load, memory, free disk per mount and uptime: <c>/proc</c> and statvfs (through
/// <see cref="DriveInfo"/>) on Linux, the matching Win32 APIs on Windows.
/// </summary>
public sealed class HostSource : ISource
{
    private readonly string _procRoot;

    /// <summary>Creates the source.</summary>
    /// <param name="name">Source name.</param>
    /// <param name="procRoot">Where <c>/proc</c> is (tests point it at a fixture folder).</param>
    public HostSource(string name, string procRoot = "/proc")
    {
        Name = name;
        _procRoot = procRoot;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        var reading = new SourceReading();
        if (OperatingSystem.IsWindows())
        {
            WindowsHost.Read(reading);
            return reading;
        }
        var load = ProcParser.ParseLoadAverage(await File.ReadAllTextAsync(Path.Combine(_procRoot, "loadavg"), cancellationToken));
        reading.Samples.Add(new Sample("host.load1", load.One));
        reading.Samples.Add(new Sample("host.load5", load.Five));
        reading.Samples.Add(new Sample("host.load15", load.Fifteen));
        var mem = ProcParser.ParseMemInfo(await File.ReadAllTextAsync(Path.Combine(_procRoot, "meminfo"), cancellationToken));
        AddMemory(reading, mem.TotalBytes, mem.AvailableBytes);
        reading.Samples.Add(new Sample("host.uptime",
            Math.Round(ProcParser.ParseUptime(await File.ReadAllTextAsync(Path.Combine(_procRoot, "uptime"), cancellationToken))), "s"));
        foreach (var mount in ProcParser.ParseMounts(await File.ReadAllTextAsync(Path.Combine(_procRoot, "mounts"), cancellationToken)))
        {
            AddDisk(reading, mount, ProcParser.MountMetricName(mount));
        }
        return reading;
    }

    internal static void AddMemory(SourceReading reading, long total, long available)
    {
        reading.Samples.Add(new Sample("host.memory.total", total, "B"));
        reading.Samples.Add(new Sample("host.memory.available", available, "B"));
        if (total > 0) reading.Samples.Add(new Sample("host.memory.used", Math.Round(100.0 * (total - available) / total, 2), "%"));
    }

    internal static void AddDisk(SourceReading reading, string mount, string metric)
    {
        try
        {
            var drive = new DriveInfo(mount);
            if (!drive.IsReady || drive.TotalSize == 0) return;
            reading.Samples.Add(new Sample($"host.disk.{metric}.free", drive.AvailableFreeSpace, "B"));
            reading.Samples.Add(new Sample($"host.disk.{metric}.total", drive.TotalSize, "B"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or ExternalException)
        {
            // A mount that vanished or that we may not stat (an NFS share gone stale) is skipped, not fatal.
        }
    }
}
