using Chezlepro.Agent.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Serilog;
using Serilog.Events;

namespace Chezlepro.Agent.Hosting;

/// <summary>
/// Where the agent's logs go: rolling files in the data folder always (<c>Logging:File:Enabled</c>), and the console.
/// Under systemd the console is the journal, written by the library's systemd formatter: each entry on one line with
/// its syslog priority (<c>&lt;3&gt;</c> error … <c>&lt;7&gt;</c> debug), so <c>journalctl -p warning</c> works and a stack trace is
/// not filed line by line as info. Elsewhere a terminal gets Serilog's readable template.
/// </summary>
public static class AgentLogging
{
    /// <summary>The console template outside systemd.</summary>
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Replaces the logging providers of <paramref name="logging"/> with the agent's.</summary>
    /// <param name="logging">The host's logging builder.</param>
    /// <param name="configuration">Configuration (<c>Agent:DataDirectory</c>, <c>Logging:File:Enabled</c>).</param>
    /// <param name="underSystemd">True when systemd started the process (<c>SystemdHelpers.IsSystemdService()</c>).</param>
    public static ILoggingBuilder Configure(ILoggingBuilder logging, IConfiguration configuration, bool underSystemd)
    {
        var dataDirectory = configuration[$"{AgentOptions.SectionName}:DataDirectory"] ?? new AgentOptions().DataDirectory;
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext();
        if (!underSystemd)
            serilog = serilog.WriteTo.Console(outputTemplate: ConsoleTemplate);
        if (configuration.GetValue("Logging:File:Enabled", true))
        {
            serilog = serilog.WriteTo.File(Path.Combine(dataDirectory, "logs", "agent-.log"),
                rollingInterval: RollingInterval.Day, fileSizeLimitBytes: 10 * 1024 * 1024, rollOnFileSizeLimit: true,
                retainedFileCountLimit: 10, outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}");
        }
        logging.ClearProviders();
        logging.AddSerilog(serilog.CreateLogger(), dispose: true);
        if (underSystemd)
        {
            // The same levels as the Serilog overrides above, for the journal's provider.
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter<ConsoleLoggerProvider>("Microsoft", LogLevel.Warning);
            logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Hosting.Lifetime", LogLevel.Information);
            // AddSystemd sets this formatter too; naming it here keeps the journal format when only the logging is built (tests).
            logging.AddConsole(o => o.FormatterName = ConsoleFormatterNames.Systemd);
        }
        return logging;
    }
}
