namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>Control codes the SCM sends to a service's handler (winsvc.h SERVICE_CONTROL_*).</summary>
public enum ServiceControl
{
    /// <summary>SERVICE_CONTROL_STOP.</summary>
    Stop = 1,

    /// <summary>SERVICE_CONTROL_INTERROGATE.</summary>
    Interrogate = 4,

    /// <summary>SERVICE_CONTROL_SHUTDOWN: the machine is shutting down.</summary>
    Shutdown = 5,

    /// <summary>SERVICE_CONTROL_PRESHUTDOWN.</summary>
    PreShutdown = 15,
}
