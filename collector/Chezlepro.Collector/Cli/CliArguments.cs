namespace Chezlepro.Collector.Cli;

/// <summary>
/// The words of an operator command: positional words, <c>--name value</c> options (repeatable) and the output
/// switches <c>--tsv</c>, <c>--json</c> and <c>--lang fr|en</c>. Pure: parsing reads nothing but its input.
/// </summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Valued = new(StringComparer.Ordinal) { "url", "lang", "service", "from", "to", "reason", "id", "status", "state", "type", "channel", "sent-at", "summary", "client", "out" };

    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private CliArguments(IReadOnlyList<string> words) => Words = words;

    /// <summary>Positional words, the command first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Tab-separated output.</summary>
    public bool Tsv { get; private set; }

    /// <summary>The API's JSON as received.</summary>
    public bool Json { get; private set; }

    /// <summary>French labels and numbers (default) or English (<c>--lang en</c>).</summary>
    public bool French { get; private set; } = true;

    /// <summary>Usage asked for.</summary>
    public bool Help { get; private set; }

    /// <summary>Parses; throws <see cref="CliUsageException"/> for an unknown or incomplete option.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = new List<string>();
        var parsed = new CliArguments(words);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a is "--help" or "-h" or "help") parsed.Help = true;
            else if (a == "--tsv") parsed.Tsv = true;
            else if (a == "--json") parsed.Json = true;
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                var name = eq > 0 ? a[2..eq] : a[2..];
                if (!Valued.Contains(name)) throw new CliUsageException($"Option inconnue / Unknown option: {a}");
                string value;
                if (eq > 0) value = a[(eq + 1)..];
                else if (i + 1 < args.Count) value = args[++i];
                else throw new CliUsageException($"Valeur manquante / Missing value: {a}");
                if (!parsed._options.TryGetValue(name, out var list)) parsed._options[name] = list = [];
                list.Add(value);
            }
            else words.Add(a);
        }
        if (parsed.Tsv && parsed.Json) throw new CliUsageException("--tsv et --json s’excluent / --tsv and --json are exclusive");
        parsed.French = parsed.Option("lang") switch
        {
            null or "fr" => true,
            "en" => false,
            var l => throw new CliUsageException($"--lang = '{l}': fr ou/or en"),
        };
        return parsed;
    }

    /// <summary>The last value of an option, or null.</summary>
    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    /// <summary>Every value of a repeatable option, comma lists split.</summary>
    public IReadOnlyList<string> Options(string name) => _options.TryGetValue(name, out var v)
        ? v.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
        : [];

    /// <summary>The positional word at <paramref name="index"/>, or a usage error naming what was expected.</summary>
    public string Word(int index, string what) =>
        index < Words.Count ? Words[index] : throw new CliUsageException($"Argument manquant / Missing argument: {what}");

    /// <summary>Fails when more positional words were given than the command takes.</summary>
    public void NoMoreThan(int count)
    {
        if (Words.Count > count) throw new CliUsageException($"Argument en trop / Unexpected argument: {Words[count]}");
    }
}
