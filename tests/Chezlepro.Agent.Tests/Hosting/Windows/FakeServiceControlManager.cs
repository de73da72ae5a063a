using System.Collections.Concurrent;
using Chezlepro.Agent.Hosting.Windows;

namespace Chezlepro.Agent.Tests.Hosting.Windows;

/// <summary>An SCM in memory: calls ServiceMain on its own thread, records statuses, sends controls.</summary>
internal sealed class FakeServiceControlManager(bool startedByScm = true) : IServiceControlManager
{
    private readonly ManualResetEventSlim _stopped = new();
    private Func<ServiceControl, int>? _handler;

    public ConcurrentQueue<(ServiceState State, int WaitHint, int ExitCode)> Statuses { get; } = new();

    public string? RegisteredName { get; private set; }

    public bool RunDispatcher(string serviceName, Action serviceMain)
    {
        if (!startedByScm) return false;
        new Thread(() => serviceMain()) { IsBackground = true }.Start();
        _stopped.Wait(TimeSpan.FromSeconds(30));
        return true;
    }

    public void RegisterHandler(string serviceName, Func<ServiceControl, int> handler)
    {
        RegisteredName = serviceName;
        _handler = handler;
    }

    public void SetStatus(ServiceState state, int waitHintMilliseconds, int exitCode)
    {
        Statuses.Enqueue((state, waitHintMilliseconds, exitCode));
        if (state == ServiceState.Stopped) _stopped.Set();
    }

    public async Task WaitForAsync(ServiceState state)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!States.Contains(state)) await Task.Delay(10, cts.Token);
    }

    public int Send(ServiceControl control) => _handler!(control);

    public IReadOnlyList<ServiceState> States => Statuses.Select(s => s.State).ToList();
}
