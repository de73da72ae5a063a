using Chezlepro.Collector.Catalog;

namespace Chezlepro.Collector.Maintenance;

/// <summary>
/// In-memory model of the windows with the rules applied. The integrator loads it from storage, applies a change
/// and persists the returned window; the schedule itself does no I/O and never reads a clock.
/// </summary>
public sealed class MaintenanceSchedule
{
    private readonly Dictionary<string, MaintenanceWindow> windows = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> knownServices;

    /// <summary>Creates a schedule over existing windows.</summary>
    public MaintenanceSchedule(IEnumerable<MaintenanceWindow> existing, IReadOnlySet<string> knownServices)
    {
        ArgumentNullException.ThrowIfNull(existing);
        this.knownServices = knownServices ?? throw new ArgumentNullException(nameof(knownServices));
        foreach (var w in existing) windows[w.Id] = w;
    }

    /// <summary>Every window, by start.</summary>
    public IReadOnlyList<MaintenanceWindow> All => [.. windows.Values.OrderBy(w => w.Start).ThenBy(w => w.Id, StringComparer.Ordinal)];

    /// <summary>Windows overlapping [from, to).</summary>
    public IReadOnlyList<MaintenanceWindow> Overlapping(DateTimeOffset from, DateTimeOffset to) =>
        [.. All.Where(w => w.Start < to && w.EffectiveEnd > from)];

    /// <summary>Announces a new window under <paramref name="id"/> (chosen by the caller, e.g. a GUID).</summary>
    public MaintenanceResult Create(string id, MaintenanceRequest request, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(id)) return MaintenanceResult.Fail(new CatalogProblem("id", id, "An id is required.", "un identifiant est requis."));
        if (windows.ContainsKey(id)) return MaintenanceResult.Fail(new CatalogProblem("id", id, "A window with this id exists.", "une fenêtre porte déjà cet identifiant."));
        var problems = MaintenanceRules.Validate(request, knownServices, now);
        if (problems.Count > 0) return new MaintenanceResult(null, problems);
        var w = new MaintenanceWindow(id, request.Start, request.End, [.. request.Services], request.Reason.Trim(), now, null);
        windows[id] = w;
        return new MaintenanceResult(w, []);
    }

    /// <summary>Rewrites a window that has not started.</summary>
    public MaintenanceResult Rewrite(string id, MaintenanceRequest request, DateTimeOffset now)
    {
        if (!windows.TryGetValue(id, out var existing)) return MaintenanceResult.Fail(new CatalogProblem("id", id, "No such window.", "aucune fenêtre de cet identifiant."));
        if (MaintenanceRules.CheckRewrite(existing, now) is { } refused) return MaintenanceResult.Fail(refused);
        var problems = MaintenanceRules.Validate(request, knownServices, now);
        if (problems.Count > 0) return new MaintenanceResult(null, problems);
        // The announcement time is that of the rewrite: a window moved earlier cannot claim the old notice.
        var w = existing with { Start = request.Start, End = request.End, Services = [.. request.Services], Reason = request.Reason.Trim(), CreatedAt = now };
        windows[id] = w;
        return new MaintenanceResult(w, []);
    }

    /// <summary>Ends a window in progress at <paramref name="now"/>.</summary>
    public MaintenanceResult EndEarly(string id, DateTimeOffset now)
    {
        if (!windows.TryGetValue(id, out var existing)) return MaintenanceResult.Fail(new CatalogProblem("id", id, "No such window.", "aucune fenêtre de cet identifiant."));
        if (MaintenanceRules.CheckEndEarly(existing, now) is { } refused) return MaintenanceResult.Fail(refused);
        var w = existing with { EndedEarlyAt = now };
        windows[id] = w;
        return new MaintenanceResult(w, []);
    }
}
