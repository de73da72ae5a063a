namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>
/// Which metric names an expression of the shipped rules or dashboards may select: those of the real scrape and the
/// series Prometheus makes itself.
/// </summary>
public static class KnownMetricNames
{
    /// <summary>Written by Prometheus for every target, never by our services.</summary>
    public static readonly IReadOnlySet<string> PrometheusOwn = new HashSet<string>(StringComparer.Ordinal) { "up" };

    /// <summary>
    /// What <paramref name="expression"/> selects that is neither exported, Prometheus' own nor in
    /// <paramref name="alsoKnown"/>. <paramref name="byJob"/> holds each job's scraped names (job_name of
    /// prometheus.yml): a selector with job="…" must find its name in that job's scrape, one without in any.
    /// </summary>
    public static IEnumerable<string> Unknown(string expression, IReadOnlyDictionary<string, IReadOnlySet<string>> byJob, IReadOnlySet<string>? alsoKnown = null)
    {
        var all = byJob.Values.SelectMany(n => n).ToHashSet(StringComparer.Ordinal);
        var (selectors, patterns) = PromQlNames.Selectors(expression);
        foreach (var (name, job) in selectors.Distinct())
        {
            var scraped = job is null ? all : byJob.TryGetValue(job, out var names) ? names : new HashSet<string>();
            if (!scraped.Contains(name) && !PrometheusOwn.Contains(name) && alsoKnown?.Contains(name) != true)
                yield return job is null ? name : $"{name}{{job=\"{job}\"}}";
        }
        foreach (var pattern in patterns.Where(p => !all.Any(p.IsMatch)))
            yield return "__name__=~" + pattern;
    }
}
