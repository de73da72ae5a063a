using Chezlepro.Agent.Hosting.Systemd;
using Serilog.Events;
using Serilog.Parsing;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Systemd;

public class JournalTextFormatterTests
{
    private static string Render(LogEventLevel level, Exception? ex = null)
    {
        var template = new MessageTemplateParser().Parse("Source {SourceName} failed");
        var e = new LogEvent(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero), level, ex, template,
            [new LogEventProperty("SourceName", new ScalarValue("victron")), new LogEventProperty("SourceContext", new ScalarValue("Runner"))]);
        using var w = new StringWriter();
        new JournalTextFormatter(JournalConsole.JournalTemplate).Format(e, w);
        return w.ToString();
    }

    [Theory]
    [InlineData(LogEventLevel.Fatal, "<2>")]
    [InlineData(LogEventLevel.Error, "<3>")]
    [InlineData(LogEventLevel.Warning, "<4>")]
    [InlineData(LogEventLevel.Information, "<6>")]
    [InlineData(LogEventLevel.Debug, "<7>")]
    [InlineData(LogEventLevel.Verbose, "<7>")]
    public void Format_Level_SyslogPrefix(LogEventLevel level, string prefix) =>
        Assert.Equal(prefix + "Runner: Source victron failed\n", Render(level));

    [Fact]
    public void Format_ExceptionOverSeveralLines_EveryLineKeepsTheLevel()
    {
        Exception ex;
        try { throw new InvalidOperationException("first\nsecond"); }
        catch (InvalidOperationException caught) { ex = caught; }

        var lines = Render(LogEventLevel.Error, ex).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(lines.Length >= 3);
        Assert.All(lines, l => Assert.StartsWith("<3>", l, StringComparison.Ordinal));
    }

    [Fact]
    public void IsJournal_JournalStreamSet_True()
    {
        Assert.True(JournalConsole.IsJournal(k => k == "JOURNAL_STREAM" ? "8:12345" : null));
        Assert.False(JournalConsole.IsJournal(_ => null));
    }
}
