namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>The SCM's service states (SERVICE_STATUS.dwCurrentState, winsvc.h values).</summary>
public enum ServiceState
{
    /// <summary>SERVICE_STOPPED.</summary>
    Stopped = 1,

    /// <summary>SERVICE_START_PENDING.</summary>
    StartPending = 2,

    /// <summary>SERVICE_STOP_PENDING.</summary>
    StopPending = 3,

    /// <summary>SERVICE_RUNNING.</summary>
    Running = 4,
}
