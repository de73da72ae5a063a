using System.Text.RegularExpressions;

namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>
/// What the tests need from packaging/prometheus/rules/*.yml without a YAML library: alert and record names and the
/// expressions. The rules file keeps each expression on one line (its header says so); a block scalar is refused.
/// </summary>
public sealed partial class RuleFile
{
    private RuleFile(IReadOnlyList<string> alerts, IReadOnlyList<string> records, IReadOnlyList<string> expressions)
    {
        Alerts = alerts;
        Records = records;
        Expressions = expressions;
    }

    public IReadOnlyList<string> Alerts { get; }

    public IReadOnlyList<string> Records { get; }

    public IReadOnlyList<string> Expressions { get; }

    public static RuleFile Parse(string yaml)
    {
        List<string> alerts = [], records = [], expressions = [];
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (Key().Match(line) is not { Success: true } m) continue;
            var value = m.Groups["value"].Value.Trim();
            switch (m.Groups["key"].Value)
            {
                case "alert": alerts.Add(value); break;
                case "record": records.Add(value); break;
                default:
                    if (value is "" or "|" or ">" || value.StartsWith('|') || value.StartsWith('>'))
                        throw new FormatException($"expression on several lines ('{line.Trim()}'): keep each expr on one line");
                    expressions.Add(value);
                    break;
            }
        }
        return new RuleFile(alerts, records, expressions);
    }

    [GeneratedRegex(@"^\s*-?\s*(?<key>alert|record|expr):(?<value>.*)$")]
    private static partial Regex Key();
}
