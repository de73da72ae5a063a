using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>
/// The real SCM through advapi32 (StartServiceCtrlDispatcherW, RegisterServiceCtrlHandlerExW, SetServiceStatus),
/// with unmanaged-callers-only callbacks so nothing needs a marshalled delegate kept alive. One service per
/// process (SERVICE_WIN32_OWN_PROCESS), hence the static instance the callbacks reach.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed unsafe partial class Advapi32ServiceControlManager : IServiceControlManager
{
    private const int ServiceWin32OwnProcess = 0x10;
    private const int AcceptStop = 0x1;
    private const int AcceptShutdown = 0x4;
    private const int ErrorServiceSpecificError = 1066;
    private const int ErrorCallNotImplemented = 120;
    private static Advapi32ServiceControlManager? s_current;
    private readonly object _gate = new();
    private Action? _serviceMain;
    private Func<ServiceControl, int>? _handler;
    private nint _handle;
    private int _checkPoint;

    /// <inheritdoc />
    public bool RunDispatcher(string serviceName, Action serviceMain)
    {
        _serviceMain = serviceMain;
        s_current = this;
        var name = Marshal.StringToHGlobalUni(serviceName);
        try
        {
            var table = stackalloc ServiceTableEntry[2];
            table[0] = new ServiceTableEntry { ServiceName = name, ServiceProc = (nint)(delegate* unmanaged<int, nint, void>)&ServiceMain };
            table[1] = default;
            return StartServiceCtrlDispatcherW(table);
        }
        finally
        {
            Marshal.FreeHGlobal(name);
        }
    }

    /// <inheritdoc />
    public void RegisterHandler(string serviceName, Func<ServiceControl, int> handler)
    {
        _handler = handler;
        _handle = RegisterServiceCtrlHandlerExW(serviceName, &HandlerEx, 0);
        if (_handle == 0) throw new Win32Exception(Marshal.GetLastPInvokeError());
    }

    /// <inheritdoc />
    public void SetStatus(ServiceState state, int waitHintMilliseconds, int exitCode)
    {
        lock (_gate)
        {
            var pending = state is ServiceState.StartPending or ServiceState.StopPending;
            var status = new ServiceStatus
            {
                ServiceType = ServiceWin32OwnProcess,
                CurrentState = (int)state,
                ControlsAccepted = state == ServiceState.Running ? AcceptStop | AcceptShutdown : 0,
                Win32ExitCode = exitCode == 0 ? 0 : ErrorServiceSpecificError,
                ServiceSpecificExitCode = exitCode,
                // The SCM judges a pending service alive by a growing checkpoint within the wait hint.
                CheckPoint = pending ? ++_checkPoint : 0,
                WaitHint = waitHintMilliseconds,
            };
            if (!SetServiceStatus(_handle, &status)) throw new Win32Exception(Marshal.GetLastPInvokeError());
        }
    }

    [UnmanagedCallersOnly]
    private static void ServiceMain(int argc, nint argv) => s_current?._serviceMain?.Invoke();

    [UnmanagedCallersOnly]
    private static int HandlerEx(int control, int eventType, nint eventData, nint context) =>
        s_current?._handler?.Invoke((ServiceControl)control) ?? ErrorCallNotImplemented;

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool StartServiceCtrlDispatcherW(ServiceTableEntry* table);

    [LibraryImport("advapi32.dll", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial nint RegisterServiceCtrlHandlerExW(string serviceName, delegate* unmanaged<int, int, nint, nint, int> handler, nint context);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool SetServiceStatus(nint handle, ServiceStatus* status);

    [StructLayout(LayoutKind.Sequential)]
    private struct ServiceTableEntry
    {
        public nint ServiceName;
        public nint ServiceProc;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ServiceStatus
    {
        public int ServiceType;
        public int CurrentState;
        public int ControlsAccepted;
        public int Win32ExitCode;
        public int ServiceSpecificExitCode;
        public int CheckPoint;
        public int WaitHint;
    }
}
