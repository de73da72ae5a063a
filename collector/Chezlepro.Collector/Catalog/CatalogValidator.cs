using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Catalog;

/// <summary>
/// Cross-field rules of the catalog, run at start-up (ValidateOnStart). Every problem is reported at once with its
/// configuration key and value, so one restart fixes them all.
/// </summary>
public sealed partial class CatalogValidator : IValidateOptions<CatalogOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var problems = Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    /// <summary>Every problem of a catalog; empty when it is valid.</summary>
    public static IReadOnlyList<CatalogProblem> Check(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<CatalogProblem>();
        var serviceIds = CheckServices(options.Services, problems);
        CheckContracts(options.Contracts, serviceIds, problems);
        CheckGuests(options.Guests, serviceIds, problems);
        CheckGroups(options.FailoverGroups, problems);
        return problems;
    }

    private static HashSet<string> CheckServices(List<ServiceDefinition> services, List<CatalogProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            var key = $"Catalog:Services:{i}";
            CheckId($"{key}:Id", s.Id, ids, problems);
            if (string.IsNullOrWhiteSpace(s.Name)) problems.Add(new($"{key}:Name", s.Name, "A service needs a name clients can read.", "un service a besoin d’un nom que les clients peuvent lire."));
            if (!ServiceCategories.TryParse(s.Category, out _))
                problems.Add(new($"{key}:Category", s.Category, "Must be critical, important or non-critical.", "doit valoir critical, important ou non-critical."));
            if (s.Checks.Count == 0) problems.Add(new($"{key}:Checks", "[]", "A service needs at least one defining check.", "un service a besoin d’au moins une vérification qui le définit."));
            CheckReferences($"{key}:Checks", s.Checks, problems);
            if (s.StalenessLimit is { } limit && limit < ServiceDefinition.MinimumStalenessLimit)
                problems.Add(new($"{key}:StalenessLimit", limit.ToString(), $"Must be at least {ServiceDefinition.MinimumStalenessLimit} (service-levels.md).", $"doit être d’au moins {ServiceDefinition.MinimumStalenessLimit} (service-levels.md)."));
        }

        return ids;
    }

    private static void CheckContracts(List<ContractDefinition> contracts, HashSet<string> services, List<CatalogProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < contracts.Count; i++)
        {
            var c = contracts[i];
            var key = $"Catalog:Contracts:{i}";
            CheckId($"{key}:Id", c.Id, ids, problems);
            if (string.IsNullOrWhiteSpace(c.Client)) problems.Add(new($"{key}:Client", c.Client, "A contract needs a client name.", "un contrat a besoin d’un nom de client."));
            if (c.Services.Count == 0) problems.Add(new($"{key}:Services", "[]", "A contract covers at least one service.", "un contrat couvre au moins un service."));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < c.Services.Count; j++)
            {
                if (!services.Contains(c.Services[j])) problems.Add(new($"{key}:Services:{j}", c.Services[j], "Unknown service (not in Catalog:Services).", "service inconnu (absent de Catalog:Services)."));
                else if (!seen.Add(c.Services[j])) problems.Add(new($"{key}:Services:{j}", c.Services[j], "Service listed twice.", "service inscrit deux fois."));
            }

            if (c.MonthlyFee < 0) problems.Add(new($"{key}:MonthlyFee", Inv(c.MonthlyFee), "Cannot be negative.", "ne peut être négatif."));
            if (!CurrencyPattern().IsMatch(c.Currency ?? "")) problems.Add(new($"{key}:Currency", c.Currency, "Must be an ISO 4217 code such as CAD.", "doit être un code ISO\u00a04217 comme CAD."));
            if (c.Objective is <= 0 or > 100) problems.Add(new($"{key}:Objective", Inv(c.Objective), "Must be in (0, 100].", "doit être dans ]0, 100]."));
            if (c.Start == default) problems.Add(new($"{key}:Start", null, "A contract needs a start date (yyyy-MM-dd).", "un contrat a besoin d’une date de début (aaaa-MM-jj)."));
            if (c.End is { } end && end < c.Start) problems.Add(new($"{key}:End", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Must not precede Start.", "ne doit pas précéder Start."));
            if (c.CreditPerTranche is < 0 or > 100) problems.Add(new($"{key}:CreditPerTranche", Inv(c.CreditPerTranche), "Must be in [0, 100].", "doit être dans [0, 100]."));
            if (c.TrancheSize <= 0) problems.Add(new($"{key}:TrancheSize", Inv(c.TrancheSize), "Must be positive.", "doit être positif."));
            if (c.CreditCap is < 0 or > 100) problems.Add(new($"{key}:CreditCap", Inv(c.CreditCap), "Must be in [0, 100].", "doit être dans [0, 100]."));
        }
    }

    private static void CheckGuests(List<GuestDefinition> guests, HashSet<string> services, List<CatalogProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < guests.Count; i++)
        {
            var g = guests[i];
            var key = $"Catalog:Guests:{i}";
            CheckId($"{key}:Id", g.Id, ids, problems);
            if (!services.Contains(g.Service)) problems.Add(new($"{key}:Service", g.Service, "Unknown service (not in Catalog:Services).", "service inconnu (absent de Catalog:Services)."));
            if (g.Rpo is { } rpo && rpo <= TimeSpan.Zero) problems.Add(new($"{key}:Rpo", rpo.ToString(), "Must be positive.", "doit être positif."));
        }
    }

    private static void CheckGroups(List<FailoverGroupDefinition> groups, List<CatalogProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var key = $"Catalog:FailoverGroups:{i}";
            CheckId($"{key}:Id", g.Id, ids, problems);
            if (!IdPattern().IsMatch(g.Primary ?? "")) problems.Add(new($"{key}:Primary", g.Primary, "Must be a site id.", "doit être un identifiant de site."));
            if (!IdPattern().IsMatch(g.Secondary ?? "")) problems.Add(new($"{key}:Secondary", g.Secondary, "Must be a site id.", "doit être un identifiant de site."));
            if (string.Equals(g.Primary, g.Secondary, StringComparison.Ordinal)) problems.Add(new($"{key}:Secondary", g.Secondary, "Must differ from Primary.", "doit différer de Primary."));
            if (g.Mode is not ("automatic" or "advisory")) problems.Add(new($"{key}:Mode", g.Mode, "Must be automatic or advisory.", "doit valoir automatic ou advisory."));
            if (g.Failback is not ("manual" or "automatic")) problems.Add(new($"{key}:Failback", g.Failback, "Must be manual or automatic.", "doit valoir manual ou automatic."));
            if (g.Hold <= TimeSpan.Zero) problems.Add(new($"{key}:Hold", g.Hold.ToString(), "Must be positive.", "doit être positif."));
            if (g.LeadTime < TimeSpan.Zero) problems.Add(new($"{key}:LeadTime", g.LeadTime.ToString(), "Cannot be negative.", "ne peut être négatif."));
            if (g.FailbackHold < TimeSpan.Zero) problems.Add(new($"{key}:FailbackHold", g.FailbackHold.ToString(), "Cannot be negative.", "ne peut être négatif."));
            CheckReferences($"{key}:Checks", g.Checks, problems);
        }
    }

    private static void CheckReferences(string key, List<CheckReference> checks, List<CatalogProblem> problems)
    {
        for (var j = 0; j < checks.Count; j++)
        {
            var r = checks[j];
            if (!IdPattern().IsMatch(r.Site ?? "")) problems.Add(new($"{key}:{j}:Site", r.Site, "Must match [a-z0-9][a-z0-9-]{0,31}.", "doit respecter [a-z0-9][a-z0-9-]{0,31}."));
            if (!IdPattern().IsMatch(r.Node ?? "")) problems.Add(new($"{key}:{j}:Node", r.Node, "Must match [a-z0-9][a-z0-9-]{0,31}.", "doit respecter [a-z0-9][a-z0-9-]{0,31}."));
            if (!CheckPattern().IsMatch(r.Check ?? "")) problems.Add(new($"{key}:{j}:Check", r.Check, "Must be a check name ([a-z0-9.-]).", "doit être un nom de vérification ([a-z0-9.-])."));
        }
    }

    private static void CheckId(string key, string id, HashSet<string> ids, List<CatalogProblem> problems)
    {
        if (!CheckPattern().IsMatch(id ?? "")) problems.Add(new(key, id, "Must be an id ([a-z0-9][a-z0-9.-]*).", "doit être un identifiant ([a-z0-9][a-z0-9.-]*)."));
        else if (!ids.Add(id!)) problems.Add(new(key, id, "Duplicate id.", "identifiant en double."));
    }

    private static string Inv(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,127}$")]
    private static partial Regex CheckPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
