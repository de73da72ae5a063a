using System.Globalization;

namespace Chezlepro.Agent.Sources.Patches;

/// <summary>
/// Reads <c>/var/log/apt/history.log</c>: stanzas separated by a blank line (<c>Start-Date</c>, <c>Commandline</c>,
/// <c>Install</c>/<c>Upgrade</c>/<c>Remove</c>…, <c>End-Date</c>). Its dates are the node's local time
/// (<c>2026-11-20  06:25:30</c>, two spaces).
/// </summary>
public static class AptHistoryParser
{
    /// <summary>
    /// The end of the latest run that installed or upgraded packages, in UTC; null when there is none. A stanza without
    /// <c>End-Date</c> (apt killed, or still running) or with an unreadable one is skipped.
    /// </summary>
    /// <param name="text">The log's text.</param>
    /// <param name="zone">The node's time zone (the log's dates are local).</param>
    public static DateTimeOffset? LastPatch(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        DateTimeOffset? last = null;
        var patched = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line.StartsWith("Start-Date:", StringComparison.Ordinal))
            {
                patched = false;
            }
            else if (line.StartsWith("Upgrade:", StringComparison.Ordinal) || line.StartsWith("Install:", StringComparison.Ordinal))
            {
                patched = true;
            }
            else if (line.StartsWith("End-Date:", StringComparison.Ordinal) && patched && ParseLocal(line["End-Date:".Length..], zone) is { } end)
            {
                if (last is null || end > last) last = end;
                patched = false;
            }
        }
        return last;
    }

    private static DateTimeOffset? ParseLocal(ReadOnlySpan<char> value, TimeZoneInfo zone)
    {
        var text = string.Join(' ', value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        // In the hour repeated at the end of daylight time the standard offset is taken: an hour of doubt on a patch age.
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
