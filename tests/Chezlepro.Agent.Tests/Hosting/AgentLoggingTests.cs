using Chezlepro.Agent.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting;

public class AgentLoggingTests
{
    private static ServiceProvider Build(bool underSystemd)
    {
        // No log files: the default data folder is the package's.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Logging:File:Enabled", "false")]).Build();
        return new ServiceCollection().AddLogging(l => AgentLogging.Configure(l, configuration, underSystemd)).BuildServiceProvider();
    }

    [Fact]
    public void Configure_UnderSystemd_ErrorIsOneJournalLineAtPriority3WithItsException()
    {
        using var services = Build(underSystemd: true);
        var name = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
        using var text = new StringWriter();

        formatter.Write(new LogEntry<string>(LogLevel.Error, "Chezlepro.Hosting.Systemd.SystemdWatchdog", new EventId(1102),
            "Loop(s) victron wedged", new InvalidOperationException("first\nsecond"), (s, _) => s), null, text);

        Assert.Equal(ConsoleFormatterNames.Systemd, name);
        var line = Assert.Single(text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("<3>Chezlepro.Hosting.Systemd.SystemdWatchdog[1102] Loop(s) victron wedged", line, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: first second", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_UnderSystemd_SameLevelsAsTheFileLog()
    {
        using var services = Build(underSystemd: true);
        var loggers = services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Chezlepro.Agent.Scheduling.SourceRunner").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Chezlepro.Agent.Scheduling.SourceRunner").IsEnabled(LogLevel.Debug));
        Assert.False(loggers.CreateLogger("Microsoft.Extensions.Hosting.Internal.Host").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void Configure_NotUnderSystemd_NoJournalProvider()
    {
        using var services = Build(underSystemd: false);

        Assert.DoesNotContain(services.GetServices<ILoggerProvider>(), p => p is ConsoleLoggerProvider);
        Assert.NotEmpty(services.GetServices<ILoggerProvider>());
    }
}
