using System.Text.Json;
using Chezlepro.Collector.Cli;
using Xunit;

namespace Chezlepro.Collector.Tests.Cli;

/// <summary><c>incidents notice|notices</c> and <c>dr-tests list</c>: the call each makes, bad input refused, what prints.</summary>
public sealed class NoticeCommandTests
{
    [Fact]
    public void Notice_PostsTheBody_LocalTimeTakenAsMontrealTime()
    {
        var r = OperatorCliParse("incidents", "notice", "mail-20261103T140000Z", "--type", "first", "--channel", "phone", "--sent-at", "2026-11-03 09:20",
            "--summary", "Appel au DG");
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.Equal("/api/v1/incidents/mail-20261103T140000Z/notices", r.Path);
        var body = JsonDocument.Parse(r.Body!).RootElement;
        Assert.Equal(("first", "phone", "Appel au DG"), (body.GetProperty("type").GetString(), body.GetProperty("channel").GetString(), body.GetProperty("summary").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 14, 20, 0, TimeSpan.Zero), body.GetProperty("sentAt").GetDateTimeOffset());

        var list = OperatorCliParse("incidents", "notices", "mail-20261103T140000Z");
        Assert.Equal((HttpMethod.Get, (string?)null), (list.Method, list.Body));
    }

    [Theory]
    [InlineData("incidents", "notice", "id", "--channel", "email")]
    [InlineData("incidents", "notice")]
    [InlineData("incidents", "notice", "id", "--type", "first", "--sent-at", "hier")]
    [InlineData("dr-tests", "add")]
    public void BadInput_UsageError(params string[] args) => Assert.Throws<CliUsageException>(() => OperatorCliParse(args));

    [Fact]
    public void DrTests_OneRowPerService_Tsv()
    {
        var r = OperatorCliParse("dr-tests");
        Assert.Equal("/api/v1/dr-tests", r.Path);
        const string answer = """
            { "tests": [], "services": [
              { "service": "mail", "lastTestDate": "2026-03-01", "lastTestPassed": false, "nextDueBy": "2027-03-01", "due": false },
              { "service": "web", "lastTestDate": null, "lastTestPassed": null, "nextDueBy": null, "due": true } ] }
            """;
        using var w = new StringWriter();
        r.Render(JsonSerializer.Deserialize<JsonElement>(answer), new CliFormat(tsv: true, french: true)).Write(w, tsv: true);
        var lines = w.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("service\tlast_test_date\tlast_test_passed\tnext_due_by\tdue", lines[0]);
        Assert.Equal("mail\t2026-03-01\tfalse\t2027-03-01\tfalse", lines[1]);
        Assert.StartsWith("web\t", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("\ttrue", lines[2], StringComparison.Ordinal);
    }

    private static CliRequest OperatorCliParse(params string[] args)
    {
        var parsed = CliArguments.Parse(args);
        return parsed.Words[0] == "dr-tests" ? DrTestsCommand.Parse(parsed) : IncidentsCommand.Parse(parsed);
    }
}
