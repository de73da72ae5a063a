using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Chezlepro.Modbus.Serial;

/// <summary>Win32 communications API (winbase.h): CreateFile, DCB, COMMTIMEOUTS.</summary>
internal static partial class WindowsNative
{
    internal const uint GenericRead = 0x80000000;
    internal const uint GenericWrite = 0x40000000;
    internal const uint OpenExisting = 3;
    internal const uint PurgeRxClear = 0x0008;
    internal const uint MaxDword = 0xFFFFFFFF;

    [StructLayout(LayoutKind.Sequential)]
    internal struct Dcb
    {
        public uint DcbLength;
        public uint BaudRate;
        public uint Flags;
        public ushort Reserved;
        public ushort XonLim;
        public ushort XoffLim;
        public byte ByteSize;
        public byte Parity;
        public byte StopBits;
        public byte XonChar;
        public byte XoffChar;
        public byte ErrorChar;
        public byte EofChar;
        public byte EvtChar;
        public ushort Reserved1;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct CommTimeouts
    {
        public uint ReadIntervalTimeout;
        public uint ReadTotalTimeoutMultiplier;
        public uint ReadTotalTimeoutConstant;
        public uint WriteTotalTimeoutMultiplier;
        public uint WriteTotalTimeoutConstant;
    }

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial SafeFileHandle CreateFile(string name, uint access, uint share, nint security, uint creation, uint flags, nint template);

    [LibraryImport("kernel32.dll", EntryPoint = "GetCommState", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool GetCommState(SafeFileHandle handle, ref Dcb dcb);

    [LibraryImport("kernel32.dll", EntryPoint = "SetCommState", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool SetCommState(SafeFileHandle handle, ref Dcb dcb);

    [LibraryImport("kernel32.dll", EntryPoint = "SetCommTimeouts", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool SetCommTimeouts(SafeFileHandle handle, ref CommTimeouts timeouts);

    [LibraryImport("kernel32.dll", EntryPoint = "ReadFile", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static unsafe partial bool ReadFile(SafeFileHandle handle, byte* buffer, uint count, out uint read, nint overlapped);

    [LibraryImport("kernel32.dll", EntryPoint = "WriteFile", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static unsafe partial bool WriteFile(SafeFileHandle handle, byte* buffer, uint count, out uint written, nint overlapped);

    [LibraryImport("kernel32.dll", EntryPoint = "PurgeComm", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool PurgeComm(SafeFileHandle handle, uint flags);
}
