namespace Chezlepro.Collector.DrTests;

/// <summary>The annual rule: each service of the catalog is covered by a DR test at least once a year.</summary>
public static class DrTestSchedule
{
    /// <summary>Per service, in the order given: the last test covering it and whether one is owed on <paramref name="today"/>.</summary>
    public static IReadOnlyList<DrServiceStatus> Status(IEnumerable<string> services, IEnumerable<DrTest> tests, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(services);
        var all = (tests ?? []).ToList();
        return [.. services.Select(s =>
        {
            var last = all.Where(t => t.Services.Any(x => x.Service == s)).OrderByDescending(t => t.Date).ThenByDescending(t => t.Id).FirstOrDefault();
            if (last is null) return new DrServiceStatus(s, null, null, null, true);
            var line = last.Services.First(x => x.Service == s);
            var dueBy = last.Date.AddYears(1);
            return new DrServiceStatus(s, last.Date, line.RtoMet && line.RpoMet, dueBy, today >= dueBy);
        })];
    }
}
