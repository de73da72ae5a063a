using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Chezlepro.Agent.Hosting.Systemd;

/// <summary>
/// Prefixes every line of a rendered event with its syslog priority (<c>&lt;3&gt;</c> error, <c>&lt;4&gt;</c>
/// warning, <c>&lt;6&gt;</c> info, <c>&lt;7&gt;</c> debug), which journald reads from a service's stdout
/// (sd-daemon(3), SD_ERR…SD_DEBUG) so that <c>journalctl -p warning</c> works. Every line, so that the stack
/// trace of an error is not filed as info.
/// </summary>
public sealed class JournalTextFormatter : ITextFormatter
{
    private readonly MessageTemplateTextFormatter _inner;

    /// <summary>Creates the formatter over a Serilog output template (no timestamp needed: journald stamps).</summary>
    public JournalTextFormatter(string outputTemplate) => _inner = new MessageTemplateTextFormatter(outputTemplate);

    /// <summary>The syslog priority of a Serilog level.</summary>
    public static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter();
        _inner.Format(logEvent, buffer);
        var prefix = "<" + Priority(logEvent.Level).ToString(System.Globalization.CultureInfo.InvariantCulture) + ">";
        foreach (var line in buffer.ToString().Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0) continue;
            output.Write(prefix);
            output.Write(text);
            output.Write('\n');
        }
    }
}
