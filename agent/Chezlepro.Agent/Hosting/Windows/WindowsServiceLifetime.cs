using Microsoft.Extensions.Hosting;

namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>
/// An <see cref="IHostLifetime"/> for a process started by the SCM: the dispatcher runs on its own thread
/// (StartServiceCtrlDispatcher blocks until the service reports stopped) and the host starts once ServiceMain
/// has been called.
/// </summary>
public sealed class WindowsServiceLifetime : IHostLifetime
{
    private readonly IServiceControlManager _scm;
    private readonly ServiceStateMachine _machine;
    private readonly string _serviceName;
    private readonly TaskCompletionSource _serviceMainCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the lifetime of <paramref name="options"/>' service.</summary>
    public WindowsServiceLifetime(IServiceControlManager scm, IHostApplicationLifetime lifetime, WindowsServiceOptions options)
    {
        _scm = scm;
        _serviceName = options.ServiceName;
        _machine = new ServiceStateMachine(scm, lifetime, options.ServiceName);
    }

    /// <summary>The state machine (what was last reported to the SCM).</summary>
    public ServiceStateMachine Machine => _machine;

    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var thread = new Thread(() =>
        {
            var ran = _scm.RunDispatcher(_serviceName, () =>
            {
                _machine.OnServiceMain();
                _serviceMainCalled.TrySetResult();
            });
            if (!ran) _serviceMainCalled.TrySetException(new InvalidOperationException($"{_serviceName} was not started by the service control manager"));
        })
        { IsBackground = true, Name = "SCM dispatcher" };
        thread.Start();
        return _serviceMainCalled.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
