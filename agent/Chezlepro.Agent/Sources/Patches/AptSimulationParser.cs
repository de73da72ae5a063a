using System.Globalization;
using System.Text.RegularExpressions;

namespace Chezlepro.Agent.Sources.Patches;

/// <summary>
/// Reads the output of <c>apt-get -s dist-upgrade</c> (run with LC_ALL=C). apt prints its summary line
/// (<c>N upgraded, M newly installed, …</c>) before the <c>Inst</c> lines, so an output cut short is detected by
/// counting them against it.
/// </summary>
public static partial class AptSimulationParser
{
    /// <summary>Most security package names kept (the health details stay small on a long-unpatched node).</summary>
    public const int MaxPackages = 50;

    /// <summary>Parses the output.</summary>
    /// <param name="output">Standard output of the simulation.</param>
    /// <exception cref="FormatException">No summary line, or fewer/more <c>Inst</c> lines than it announces.</exception>
    public static AptSimulation Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int? announced = null;
        var pending = 0;
        var security = 0;
        var packages = new List<string>();
        foreach (var raw in output.AsSpan().EnumerateLines())
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("Inst ", StringComparison.Ordinal))
            {
                var inst = InstLine().Match(line.ToString());
                if (!inst.Success)
                    throw new FormatException($"apt simulation: unreadable Inst line '{Shorten(line.ToString())}'");
                pending++;
                // Debian 'Debian-Security:12/stable-security', Ubuntu 'Ubuntu:24.04/noble-security'; an upgrade
                // available from several archives lists them comma-separated.
                if (inst.Groups["origin"].Value.Contains("-security", StringComparison.OrdinalIgnoreCase))
                {
                    security++;
                    if (packages.Count < MaxPackages) packages.Add(inst.Groups["package"].Value);
                }
            }
            else if (announced is null && SummaryLine().Match(line.ToString()) is { Success: true } summary)
            {
                announced = Count(summary, "upgraded") + Count(summary, "installed") + Count(summary, "downgraded") + Count(summary, "reinstalled");
            }
        }
        if (announced is null)
            throw new FormatException("apt simulation: no summary line ('N upgraded, M newly installed, …'): empty or cut short");
        if (announced != pending)
            throw new FormatException($"apt simulation: the summary announces {announced} installs, the output lists {pending}: cut short");
        return new AptSimulation(pending, security, packages);
    }

    private static int Count(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    // 'Inst pkg [old] (new origin[, origin…] [arch])'; [old] is absent for a new package; a trailing '[]' may follow.
    [GeneratedRegex(@"^Inst (?<package>[^\s\[\(]+)(?: \[[^\]]*\])? \((?<version>\S+)(?<origin>[^\[\)]*)(?: \[[^\]]*\])?\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex InstLine();

    [GeneratedRegex(@"^(?<upgraded>\d{1,6}) upgraded, (?<installed>\d{1,6}) newly installed, (?:(?<reinstalled>\d{1,6}) reinstalled, )?(?:(?<downgraded>\d{1,6}) downgraded, )?\d{1,6} to remove and \d{1,6} not upgraded\.$",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SummaryLine();
}
