using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Rpo;
using Chezlepro.Collector.Sla;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// What a client caller may see: the contracts whose Client is theirs, the services of those contracts, the guests
/// of those services. A service shared by two clients' contracts is seen by both (its outage is each one's); a
/// maintenance window is shown with only the caller's services.
/// </summary>
public sealed class ClientScope
{
    private readonly HashSet<string> _contracts;
    private readonly HashSet<string> _services;
    private readonly HashSet<string> _guests;

    private ClientScope(string client, CatalogOptions catalog)
    {
        Client = client;
        var contracts = catalog.Contracts.Where(c => string.Equals(c.Client, client, StringComparison.Ordinal)).ToList();
        _contracts = contracts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        _services = contracts.SelectMany(c => c.Services).ToHashSet(StringComparer.Ordinal);
        _guests = catalog.Guests.Where(g => _services.Contains(g.Service)).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The client.</summary>
    public string Client { get; }

    /// <summary>The scope of this request's caller, or null when the caller is not a client (it sees everything).</summary>
    public static ClientScope? Of(HttpContext http, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ApiPrincipal.Of(http) is { Role: ApiRoles.Client, Client: { } client } ? new ClientScope(client, catalog) : null;
    }

    /// <summary>Whether <paramref name="client"/> has a contract in the catalog (a token may name one that does not).</summary>
    public static bool HasContracts(IServiceProvider services, string? client)
    {
        ArgumentNullException.ThrowIfNull(services);
        var catalog = services.GetRequiredService<IOptionsMonitor<CatalogOptions>>().CurrentValue;
        return client is not null && catalog.Contracts.Any(c => string.Equals(c.Client, client, StringComparison.Ordinal));
    }

    /// <summary>Whether the caller may see the contract.</summary>
    public bool SeesContract(string contractId) => _contracts.Contains(contractId);

    /// <summary>Whether the caller may see the service.</summary>
    public bool SeesService(string serviceId) => _services.Contains(serviceId);

    /// <summary>The report with only the caller's contracts.</summary>
    public SlaReport Filter(SlaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with { Contracts = report.Contracts.Where(c => SeesContract(c.ContractId)).ToList() };
    }

    /// <summary>The incidents of the caller's services.</summary>
    public IReadOnlyList<Incident> Filter(IEnumerable<Incident> incidents) => incidents.Where(i => SeesService(i.ServiceId)).ToList();

    /// <summary>The caller's guests.</summary>
    public IReadOnlyList<GuestRpo> Filter(IEnumerable<GuestRpo> guests) => guests.Where(g => _guests.Contains(g.GuestId)).ToList();

    /// <summary>The windows touching the caller's services, each listing only those.</summary>
    public IReadOnlyList<MaintenanceWindow> Filter(IEnumerable<MaintenanceWindow> windows) =>
        windows.Where(w => w.Services.Any(SeesService)).Select(w => w with { Services = w.Services.Where(SeesService).ToList() }).ToList();
}
