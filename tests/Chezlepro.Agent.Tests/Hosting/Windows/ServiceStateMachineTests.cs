using Chezlepro.Agent.Hosting.Windows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Windows;

public class ServiceStateMachineTests
{
    private static (IHost Host, FakeServiceControlManager Scm) Build(bool startedByScm = true)
    {
        var scm = new FakeServiceControlManager(startedByScm);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IServiceControlManager>(scm);
        builder.Services.AddSingleton(new WindowsServiceOptions { ServiceName = "ChezleproAgent" });
        builder.Services.AddSingleton<IHostLifetime, WindowsServiceLifetime>();
        return (builder.Build(), scm);
    }

    [Theory]
    [InlineData(ServiceControl.Stop)]
    [InlineData(ServiceControl.Shutdown)]
    [InlineData(ServiceControl.PreShutdown)]
    public async Task Host_StopControl_PendingRunningStopPendingStopped(ServiceControl control)
    {
        var (host, scm) = Build();
        using var _ = host;
        var run = host.RunAsync();
        await scm.WaitForAsync(ServiceState.Running);
        Assert.Equal([ServiceState.StartPending, ServiceState.Running], scm.States);
        Assert.Equal("ChezleproAgent", scm.RegisteredName);

        Assert.Equal(0, scm.Send(control));
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([ServiceState.StartPending, ServiceState.Running, ServiceState.StopPending, ServiceState.Stopped], scm.States);
        Assert.All(scm.Statuses.Where(s => s.State is ServiceState.StartPending or ServiceState.StopPending), s => Assert.True(s.WaitHint > 0));
        Assert.Equal(0, scm.Statuses.Last().ExitCode);
    }

    [Fact]
    public async Task Host_StoppedFromInside_ReportsStopped()
    {
        var (host, scm) = Build();
        using var _ = host;
        var run = host.RunAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        await scm.WaitForAsync(ServiceState.Running);

        lifetime.StopApplication();
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([ServiceState.StartPending, ServiceState.Running, ServiceState.StopPending, ServiceState.Stopped], scm.States);
    }

    [Fact]
    public async Task Host_NotStartedByScm_StartFails()
    {
        var (host, _) = Build(startedByScm: false);
        using var __ = host;

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("not started by the service control manager", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_InterrogateAndUnknown_ReportCurrentOrNotImplemented()
    {
        var scm = new FakeServiceControlManager();
        var lifetime = new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance);
        var machine = new ServiceStateMachine(scm, lifetime, "ChezleproAgent");
        machine.OnServiceMain();
        lifetime.NotifyStarted();

        Assert.Equal(0, machine.Handle(ServiceControl.Interrogate));
        Assert.Equal(120, machine.Handle((ServiceControl)0x40));
        Assert.Equal([ServiceState.StartPending, ServiceState.Running, ServiceState.Running], scm.States);
    }

    [Fact]
    public void Report_StartedAfterStopControl_NeverBackToRunning()
    {
        var scm = new FakeServiceControlManager();
        var lifetime = new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance);
        var machine = new ServiceStateMachine(scm, lifetime, "ChezleproAgent");
        machine.OnServiceMain();

        machine.Handle(ServiceControl.Stop);
        lifetime.NotifyStarted();
        lifetime.NotifyStopped();

        Assert.Equal([ServiceState.StartPending, ServiceState.StopPending, ServiceState.Stopped], scm.States);
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public void AddWindowsServiceIntegration_NotWindowsService_LeavesConsoleLifetime()
    {
        var services = new ServiceCollection();

        services.AddWindowsServiceIntegration();

        Assert.Equal(OperatingSystem.IsWindows() && WindowsServiceExtensions.IsWindowsService(), services.Any(d => d.ServiceType == typeof(IHostLifetime)));
    }
}
