using System.Text;
using System.Text.RegularExpressions;

namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>
/// The metric names a PromQL expression selects: bare names (with the <c>job</c> their selector asks for), and
/// <c>__name__</c> matchers (kept as patterns). Label names, function and aggregation names, keywords, numbers,
/// durations and Grafana variables are not metric names. Unbalanced brackets or an unterminated string throw, so a
/// broken expression never passes as "no names".
/// </summary>
public static partial class PromQlNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2", "start", "end",
    };

    /// <summary>Names selected by <paramref name="expression"/>, and the <c>__name__</c> patterns it uses (anchored regexes).</summary>
    public static (IReadOnlyList<string> Names, IReadOnlyList<Regex> Patterns) Of(string expression)
    {
        var (selectors, patterns) = Selectors(expression);
        return (selectors.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList(), patterns);
    }

    /// <summary>Each name <paramref name="expression"/> selects with its selector's <c>job</c> (null when none), and the <c>__name__</c> patterns.</summary>
    public static (IReadOnlyList<(string Name, string? Job)> Selectors, IReadOnlyList<Regex> Patterns) Selectors(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var patterns = NameMatcher().Matches(expression)
            .Select(m => new Regex("^(?:" + (m.Groups["op"].Value == "=~" ? m.Groups["value"].Value : Regex.Escape(m.Groups["value"].Value)) + ")$"))
            .ToList();
        // Every step keeps the length, so a position in the text is a position in the expression.
        var text = Blank(GrafanaVariable().Replace(expression, m => new string(' ', m.Length)));
        text = Grouping().Replace(text, m => new string(' ', m.Length));
        var selectors = Identifier().Matches(text)
            .Where(m => !Keywords.Contains(m.Value) && NextChar(text, m.Index + m.Length) != '(')
            .Select(m => (m.Value, Job(expression, m.Index + m.Length)))
            .ToList();
        return (selectors, patterns);
    }

    /// <summary><paramref name="text"/> with each Grafana variable (<c>$site</c>, <c>${__from:date:YYYY-MM}</c>) replaced.</summary>
    public static string ReplaceGrafanaVariables(string text, string replacement) => GrafanaVariable().Replace(text, replacement);

    // The job="…" matcher of the label block right after a name, if any.
    private static string? Job(string expression, int from)
    {
        while (from < expression.Length && char.IsWhiteSpace(expression[from])) from++;
        if (from >= expression.Length || expression[from] != '{') return null;
        var end = expression.IndexOf('}', from);
        var match = JobMatcher().Match(expression[from..(end < 0 ? expression.Length : end)]);
        return match.Success ? match.Groups["job"].Value : null;
    }

    // Strings, label matchers {…} and ranges […] become spaces; bracket balance is checked on the way.
    private static string Blank(string expression)
    {
        var sb = new StringBuilder(expression.Length);
        var depth = new Stack<char>();
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c is '"' or '\'' or '`')
            {
                var end = i + 1;
                while (end < expression.Length && expression[end] != c) end += expression[end] == '\\' && c != '`' ? 2 : 1;
                if (end >= expression.Length) throw new FormatException($"unterminated string in '{expression}'");
                sb.Append(' ', end - i + 1);
                i = end;
                continue;
            }
            if (c is '(' or '{' or '[') depth.Push(c);
            else if (c is ')' or '}' or ']')
            {
                var open = c == ')' ? '(' : c == '}' ? '{' : '[';
                if (depth.Count == 0 || depth.Pop() != open) throw new FormatException($"unbalanced '{c}' in '{expression}'");
                sb.Append(c == ')' ? c : ' ');
                continue;
            }
            sb.Append(depth.Any(d => d is '{' or '[') ? ' ' : c);
        }
        if (depth.Count > 0) throw new FormatException($"unclosed '{depth.Peek()}' in '{expression}'");
        return sb.ToString();
    }

    private static char? NextChar(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from])) from++;
        return from < text.Length ? text[from] : null;
    }

    [GeneratedRegex(@"__name__\s*(?<op>=~|=)\s*""(?<value>[^""]*)""")]
    private static partial Regex NameMatcher();

    [GeneratedRegex(@"(?<![\w])job\s*=\s*""(?<job>[^""]*)""")]
    private static partial Regex JobMatcher();

    [GeneratedRegex(@"\$\{[^}]*\}|\$\w+")]
    private static partial Regex GrafanaVariable();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    // Not preceded by a digit, letter or dot: "5m", "1e3" and "0.5" hold no name.
    [GeneratedRegex(@"(?<![\w.:])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
