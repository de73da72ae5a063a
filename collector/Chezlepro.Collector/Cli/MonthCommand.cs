namespace Chezlepro.Collector.Cli;

/// <summary><c>month close yyyy-MM</c>: freezes the month's report (<c>POST /api/v1/sla/{month}/close</c>, operator) and prints it.</summary>
public static class MonthCommand
{
    /// <summary>Parses the words after <c>month</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.Word(1, "close");
        if (verb != "close") throw new CliUsageException($"Sous-commande inconnue / Unknown subcommand: month {verb}");
        var month = SlaCommand.Month(args.Word(2, "yyyy-MM"));
        args.NoMoreThan(3);
        return new CliRequest(HttpMethod.Post, $"/api/v1/sla/{month}/close", null, SlaCommand.Render);
    }
}
