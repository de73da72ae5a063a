using Serilog;

namespace Chezlepro.Agent.Hosting.Systemd;

/// <summary>Console logging that journald groups by level when the process runs under systemd.</summary>
public static class JournalConsole
{
    /// <summary>The template for a terminal.</summary>
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The template under journald (which adds its own timestamp and unit name).</summary>
    public const string JournalTemplate = "{SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>True when stdout/stderr are connected to the journal (systemd sets <c>JOURNAL_STREAM</c>, systemd.exec(5)).</summary>
    public static bool IsJournal(Func<string, string?> getVariable) => !string.IsNullOrEmpty(getVariable("JOURNAL_STREAM"));

    /// <summary>Writes to the console: with <c>&lt;N&gt;</c> priorities under journald, the terminal template otherwise.</summary>
    public static LoggerConfiguration WriteToConsoleOrJournal(this LoggerConfiguration configuration) =>
        IsJournal(Environment.GetEnvironmentVariable)
            ? configuration.WriteTo.Console(new JournalTextFormatter(JournalTemplate))
            : configuration.WriteTo.Console(outputTemplate: ConsoleTemplate);
}
