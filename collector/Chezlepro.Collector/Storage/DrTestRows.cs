using System.Globalization;
using Chezlepro.Collector.DrTests;

namespace Chezlepro.Collector.Storage;

/// <summary>Row mapping of DR tests shared by both stores.</summary>
internal static class DrTestRows
{
    public static void AddLine(Dictionary<long, List<DrTestService>> lines, long testId, DrTestService line)
    {
        if (!lines.TryGetValue(testId, out var list)) lines[testId] = list = [];
        list.Add(line);
    }

    public static DrTest Test(long id, string date, string scenario, string findings, string? reportUrl, string author, long recordedAtMs,
        Dictionary<long, List<DrTestService>> lines) =>
        new(id, DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), scenario,
            lines.TryGetValue(id, out var l) ? l : [], findings, reportUrl, author, DateTimeOffset.FromUnixTimeMilliseconds(recordedAtMs));
}
