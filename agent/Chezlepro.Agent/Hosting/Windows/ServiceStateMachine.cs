using Microsoft.Extensions.Hosting;

namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>
/// start pending → running → stop pending → stopped, driven by the host's lifetime; a stop or shutdown
/// control from the SCM asks the host to stop (which flushes the outbox and publishes the shutdown status).
/// </summary>
public sealed class ServiceStateMachine
{
    private const int NoError = 0;
    private const int ErrorCallNotImplemented = 120;
    private static readonly int StartHint = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
    private static readonly int StopHint = (int)TimeSpan.FromSeconds(20).TotalMilliseconds;
    private readonly IServiceControlManager _scm;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly string _serviceName;
    private readonly object _gate = new();

    /// <summary>Creates the state machine of <paramref name="serviceName"/>.</summary>
    public ServiceStateMachine(IServiceControlManager scm, IHostApplicationLifetime lifetime, string serviceName)
    {
        _scm = scm;
        _lifetime = lifetime;
        _serviceName = serviceName;
    }

    /// <summary>The state last reported to the SCM.</summary>
    public ServiceState? State { get; private set; }

    /// <summary>The exit code reported with <see cref="ServiceState.Stopped"/> (non-zero when the host failed).</summary>
    public int ExitCode { get; set; }

    /// <summary>ServiceMain: registers the handler, reports start pending, and follows the host's lifetime.</summary>
    public void OnServiceMain()
    {
        _scm.RegisterHandler(_serviceName, Handle);
        Report(ServiceState.StartPending, StartHint);
        _lifetime.ApplicationStarted.Register(() => Report(ServiceState.Running, 0));
        _lifetime.ApplicationStopping.Register(() => Report(ServiceState.StopPending, StopHint));
        _lifetime.ApplicationStopped.Register(() => Report(ServiceState.Stopped, 0));
    }

    /// <summary>The control handler (HandlerEx).</summary>
    public int Handle(ServiceControl control)
    {
        switch (control)
        {
            case ServiceControl.Stop or ServiceControl.Shutdown or ServiceControl.PreShutdown:
                Report(ServiceState.StopPending, StopHint);
                _lifetime.StopApplication();
                return NoError;
            case ServiceControl.Interrogate:
                lock (_gate)
                {
                    if (State is { } s) _scm.SetStatus(s, 0, ExitCode);
                }
                return NoError;
            default:
                return ErrorCallNotImplemented;
        }
    }

    private void Report(ServiceState state, int waitHint)
    {
        lock (_gate)
        {
            // Never step back: a late "started" after a stop control must not report running again.
            if (State == state || State == ServiceState.Stopped || (State == ServiceState.StopPending && state is ServiceState.Running or ServiceState.StartPending)) return;
            State = state;
            _scm.SetStatus(state, waitHint, state == ServiceState.Stopped ? ExitCode : 0);
        }
    }
}
