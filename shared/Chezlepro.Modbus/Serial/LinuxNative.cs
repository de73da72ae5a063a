using System.Runtime.InteropServices;

namespace Chezlepro.Modbus.Serial;

/// <summary>libc entry points and Linux termios constants (asm-generic/termbits.h, x86-64 and arm64 alike).</summary>
internal static partial class LinuxNative
{
    internal const int ORdWr = 0x2;
    internal const int ONoCtty = 0x100;
    internal const int ONonBlock = 0x800;
    internal const int TcsaNow = 0;
    internal const int TciFlush = 0;
    internal const short PollIn = 0x1;
    internal const short PollOut = 0x4;
    internal const int EAgain = 11;
    internal const int EIntr = 4;

    // struct termios (glibc): c_iflag, c_oflag, c_cflag, c_lflag (4 × uint32), c_line (byte), c_cc[32],
    // c_ispeed, c_ospeed. 60 bytes; we hand libc a larger zeroed buffer so a libc with a bigger struct is safe.
    internal const int TermiosSize = 256;
    internal const int CflagOffset = 8;
    internal const int CcOffset = 17;
    internal const int VTime = 5;
    internal const int VMin = 6;

    internal const uint Csize = 0x30;
    internal const uint Cs8 = 0x30;
    internal const uint Cstopb = 0x40;
    internal const uint Cread = 0x80;
    internal const uint Parenb = 0x100;
    internal const uint Parodd = 0x200;
    internal const uint Clocal = 0x800;
    internal const uint Crtscts = 0x80000000;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    internal static uint BaudConstant(int baud) => baud switch
    {
        1200 => 0x9,
        2400 => 0xB,
        4800 => 0xC,
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        _ => throw new ArgumentOutOfRangeException(nameof(baud), baud, "Unsupported baud rate."),
    };

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    internal static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    internal static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    internal static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    internal static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    internal static unsafe partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    internal static unsafe partial void CfMakeRaw(byte* termios);

    [LibraryImport("libc", EntryPoint = "cfsetispeed", SetLastError = true)]
    internal static unsafe partial int CfSetISpeed(byte* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "cfsetospeed", SetLastError = true)]
    internal static unsafe partial int CfSetOSpeed(byte* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    internal static partial int TcFlush(int fd, int queue);
}
