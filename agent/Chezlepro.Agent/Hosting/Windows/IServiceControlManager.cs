namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>
/// The three calls a service makes to the Windows service control manager, behind a seam so the state
/// machine is tested anywhere (the real one is <see cref="Advapi32ServiceControlManager"/>).
/// </summary>
public interface IServiceControlManager
{
    /// <summary>
    /// StartServiceCtrlDispatcher: connects to the SCM and blocks until the service reports
    /// <see cref="ServiceState.Stopped"/>; calls <paramref name="serviceMain"/> on the SCM's thread. False when
    /// the process was not started by the SCM.
    /// </summary>
    bool RunDispatcher(string serviceName, Action serviceMain);

    /// <summary>RegisterServiceCtrlHandlerEx: <paramref name="handler"/> gets each control code and returns a Win32 error code.</summary>
    void RegisterHandler(string serviceName, Func<ServiceControl, int> handler);

    /// <summary>SetServiceStatus for this service.</summary>
    void SetStatus(ServiceState state, int waitHintMilliseconds, int exitCode);
}
