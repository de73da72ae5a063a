using System.Runtime.InteropServices;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Sources.Host;

/// <summary>The host values on Windows: GlobalMemoryStatusEx, GetTickCount64 and fixed drives.</summary>
internal static partial class WindowsHost
{
    public static void Read(SourceReading reading)
    {
        var status = new MemoryStatusEx { Length = (uint)Marshal.SizeOf<MemoryStatusEx>() };
        if (GlobalMemoryStatusEx(ref status))
            HostSource.AddMemory(reading, (long)status.TotalPhys, (long)status.AvailPhys);
        reading.Samples.Add(new Sample("host.uptime", Math.Round(Environment.TickCount64 / 1000.0), "s"));
        foreach (var drive in DriveInfo.GetDrives().Where(d => d.DriveType == DriveType.Fixed))
        {
            HostSource.AddDisk(reading, drive.Name, Contracts.Identity.Identifiers.Normalize(drive.Name.TrimEnd('\\', ':')));
        }
    }

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GlobalMemoryStatusEx(ref MemoryStatusEx buffer);

    [StructLayout(LayoutKind.Sequential)]
    private struct MemoryStatusEx
    {
        public uint Length;
        public uint MemoryLoad;
        public ulong TotalPhys;
        public ulong AvailPhys;
        public ulong TotalPageFile;
        public ulong AvailPageFile;
        public ulong TotalVirtual;
        public ulong AvailVirtual;
        public ulong AvailExtendedVirtual;
    }
}
