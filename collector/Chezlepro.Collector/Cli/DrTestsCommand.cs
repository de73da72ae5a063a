using System.Text.Json;

namespace Chezlepro.Collector.Cli;

/// <summary><c>dr-tests list</c> (<c>GET /api/v1/dr-tests</c>): per service its last DR test and whether the yearly one is due.</summary>
public static class DrTestsCommand
{
    /// <summary>Parses the words after <c>dr-tests</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.Words.Count > 1 ? args.Words[1] : "list";
        if (verb != "list") throw new CliUsageException($"Sous-commande inconnue / Unknown subcommand: dr-tests {verb}");
        args.NoMoreThan(2);
        return new CliRequest(HttpMethod.Get, "/api/v1/dr-tests", null, Render);
    }

    /// <summary>One row per service.</summary>
    public static CliTable Render(JsonElement answer, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new CliTable()
            .Column(f.Label("service", "service", "service"))
            .Column(f.Label("dernier test", "last test", "last_test_date"))
            .Column(f.Label("cibles atteintes", "targets met", "last_test_passed"))
            .Column(f.Label("prochain avant", "next due by", "next_due_by"))
            .Column(f.Label("dû", "due", "due"))
            .WhenEmpty(f.Text("Aucun service.", "No service."));
        foreach (var s in answer.Items("services"))
        {
            var passed = s.Obj("lastTestPassed");
            t.Row(f.Free(s.Str("service")), f.Free(s.Str("lastTestDate")),
                passed.ValueKind is JsonValueKind.True or JsonValueKind.False ? f.Bool(passed.GetBoolean()) : f.Free(null),
                f.Free(s.Str("nextDueBy")), f.Bool(s.Bool("due")));
        }
        return t;
    }
}
