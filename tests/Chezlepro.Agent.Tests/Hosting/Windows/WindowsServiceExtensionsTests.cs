using Chezlepro.Agent.Hosting.Windows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.EventLog;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Windows;

public class WindowsServiceExtensionsTests
{
    // The old glue took any non-interactive start for a service start and then failed; the library asks whether
    // the service control manager is the parent. A test run is not a service: the console lifetime stays.
    [Fact]
    public void AddWindowsServiceIntegration_NotStartedByTheServiceManager_ConsoleLifetimeKept()
    {
        var services = new ServiceCollection();

        services.AddWindowsServiceIntegration();

        Assert.Equal(OperatingSystem.IsWindows() && WindowsServiceHelpers.IsWindowsService(), services.Any(d => d.ServiceType == typeof(IHostLifetime)));
        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(EventLogLoggerProvider));
    }

    [Fact]
    public void WithoutEventLog_RemovesTheEventLogProviderOnly()
    {
        var services = new ServiceCollection().AddLogging(l => l.AddConsole());
        // What AddEventLog registers, spelled by type: the provider itself is Windows-only.
        services.TryAddEnumerable(new ServiceDescriptor(typeof(ILoggerProvider), typeof(EventLogLoggerProvider), ServiceLifetime.Singleton));

        services.WithoutEventLog();

        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(EventLogLoggerProvider));
        Assert.Contains(services, d => d.ImplementationType == typeof(ConsoleLoggerProvider));
    }
}
