using System.Globalization;
using Chezlepro.Collector.Catalog;

namespace Chezlepro.Collector.Maintenance;

/// <summary>
/// Rules of maintenance windows: end after start, at least one known service, a reason, and not wholly in the past
/// (a window is announced, not back-dated). A started window cannot be rewritten, only ended early; an ended one is
/// frozen.
/// </summary>
public static class MaintenanceRules
{
    /// <summary>Longest window accepted; a longer one is almost surely a typo in a date.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(7);

    /// <summary>Problems of a request; empty when it is valid.</summary>
    public static IReadOnlyList<CatalogProblem> Validate(MaintenanceRequest request, IReadOnlySet<string> knownServices, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(knownServices);
        var problems = new List<CatalogProblem>();
        if (request.End <= request.Start) problems.Add(new("end", Text(request.End), "End must be after start.", "la fin doit suivre le début."));
        else if (request.End - request.Start > MaxLength) problems.Add(new("end", Text(request.End), "A window lasts at most 7 days.", "une fenêtre dure au plus 7\u00a0jours."));
        if (request.End <= now) problems.Add(new("end", Text(request.End), "A window cannot be announced after it has ended.", "une fenêtre ne peut être annoncée après sa fin."));
        if (request.Services is null || request.Services.Count == 0) problems.Add(new("services", "[]", "At least one service is required.", "au moins un service est requis."));
        else
        {
            for (var i = 0; i < request.Services.Count; i++)
            {
                if (!knownServices.Contains(request.Services[i])) problems.Add(new($"services[{i}]", request.Services[i], "Unknown service.", "service inconnu."));
            }
        }

        if (string.IsNullOrWhiteSpace(request.Reason)) problems.Add(new("reason", request.Reason, "A reason is required.", "une raison est requise."));
        else if (request.Reason.Length > 500) problems.Add(new("reason", request.Reason[..40] + "…", "At most 500 characters.", "500\u00a0caractères au plus."));
        return problems;
    }

    /// <summary>Whether a window may still be rewritten at <paramref name="now"/> (only before it starts).</summary>
    public static CatalogProblem? CheckRewrite(MaintenanceWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.PhaseAt(now) == MaintenancePhase.Announced ? null
            : new CatalogProblem("start", Text(window.Start), "The window has started; it can only be ended early.",
                "la fenêtre a commencé\u00a0; on peut seulement la terminer plus tôt.");
    }

    /// <summary>Whether a window may be ended early at <paramref name="now"/> (only while in progress).</summary>
    public static CatalogProblem? CheckEndEarly(MaintenanceWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.PhaseAt(now) switch
        {
            MaintenancePhase.InProgress => null,
            MaintenancePhase.Announced => new CatalogProblem("start", Text(window.Start), "The window has not started; rewrite or cancel it instead.",
                "la fenêtre n’a pas commencé\u00a0; modifiez-la ou annulez-la plutôt."),
            _ => new CatalogProblem("end", Text(window.EffectiveEnd), "The window is over.", "la fenêtre est terminée."),
        };
    }

    private static string Text(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
