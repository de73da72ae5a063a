using Chezlepro.Collector.Catalog;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Options;

/// <summary>
/// Checks the <c>Api</c> section; messages name the key and value, never a key's secret. A client key must name a
/// client of Catalog:Contracts (contract.md: a <c>client</c> key carries a <c>Client</c> id).
/// </summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    private readonly IOptions<CatalogOptions> _catalog;

    /// <summary>Creates the validator.</summary>
    public ApiOptionsValidator(IOptions<CatalogOptions> catalog) => _catalog = catalog;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clients = Clients();
        var problems = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var k = options.Keys[i];
            // The key itself is a secret: the message names its position, never its value.
            if (k.Key.Length < 16) problems.Add(ValidationText.Of($"Api:Keys:{i}:Key is shorter than 16 characters.", "fait moins de 16 caractères."));
            if (!ApiRoles.IsKnown(k.Role)) problems.Add(ValidationText.Of($"Api:Keys:{i}:Role = '{k.Role}': must be reader, operator or client.", "doit valoir reader, operator ou client."));
            if (k.Role == ApiRoles.Client && string.IsNullOrWhiteSpace(k.Client))
                problems.Add(ValidationText.Of($"Api:Keys:{i}:Client is required when Role = 'client'.", "est requis quand Role = 'client'."));
            else if (k.Role == ApiRoles.Client && clients is not null && !clients.Contains(k.Client!))
                problems.Add(ValidationText.Of($"Api:Keys:{i}:Client = '{k.Client}': no contract of Catalog:Contracts has this Client.",
                    "aucun contrat de Catalog:Contracts n’a ce Client."));
            if (k.Role != ApiRoles.Client && !string.IsNullOrEmpty(k.Client))
                problems.Add(ValidationText.Of($"Api:Keys:{i}:Client = '{k.Client}': only a client key names a client.", "seule une clé client nomme un client."));
        }
        if (options.Keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != options.Keys.Count)
            problems.Add(ValidationText.Of("Api:Keys: two entries have the same key.", "deux entrées ont la même clé."));
        if (options.AuthFailureLimit is < 1 or > 10_000) problems.Add(ValidationText.Of($"Api:AuthFailureLimit = {options.AuthFailureLimit}: must be 1-10000.", "doit être entre 1 et 10000."));
        if (options.AuthFailureWindow < TimeSpan.FromSeconds(1) || options.AuthFailureWindow > TimeSpan.FromDays(1))
            problems.Add(ValidationText.Of($"Api:AuthFailureWindow = {options.AuthFailureWindow}: must be 00:00:01 to 1.00:00:00.", "doit être entre 00:00:01 et 1.00:00:00."));
        ValidateOidc(options.Oidc, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateOidc(ApiOidcOptions oidc, List<string> problems)
    {
        if (!oidc.Enabled) return;
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            problems.Add(ValidationText.Of($"Api:Oidc:Authority = '{oidc.Authority}': must be an absolute https URL.", "doit être une URL https absolue."));
        else if (oidc.RequireHttpsMetadata && authority.Scheme != "https")
            problems.Add(ValidationText.Of($"Api:Oidc:Authority = '{oidc.Authority}': must be https (Api:Oidc:RequireHttpsMetadata = true).",
                "doit être en https (Api:Oidc:RequireHttpsMetadata = true)."));
        if (string.IsNullOrWhiteSpace(oidc.Audience)) problems.Add(ValidationText.Of("Api:Oidc:Audience is required when Api:Oidc:Authority is set.", "est requis quand Api:Oidc:Authority est réglé."));
        if (string.IsNullOrWhiteSpace(oidc.ClientClaim)) problems.Add(ValidationText.Of("Api:Oidc:ClientClaim is empty.", "est vide."));
        if (string.IsNullOrWhiteSpace(oidc.RoleClaim)) problems.Add(ValidationText.Of("Api:Oidc:RoleClaim is empty.", "est vide."));
        if (string.IsNullOrWhiteSpace(oidc.NameClaim)) problems.Add(ValidationText.Of("Api:Oidc:NameClaim is empty.", "est vide."));
    }

    // Null when the catalog itself is invalid: its own validator reports that, and this one does not guess.
    private HashSet<string>? Clients()
    {
        try
        {
            return _catalog.Value.Contracts.Select(c => c.Client).ToHashSet(StringComparer.Ordinal);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
