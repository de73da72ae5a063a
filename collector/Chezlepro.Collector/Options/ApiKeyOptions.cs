namespace Chezlepro.Collector.Options;

/// <summary>One API key and its role.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The bearer key (secret).</summary>
    public string Key { get; set; } = "";

    /// <summary><c>reader</c> (every GET), <c>operator</c> (also the POSTs) or <c>client</c> (only <see cref="Client"/>'s data).</summary>
    public string Role { get; set; } = ApiRoles.Reader;

    /// <summary>For a <c>client</c> key: the client as Catalog:Contracts:N:Client names it; empty for the other roles.</summary>
    public string? Client { get; set; }

    /// <summary>Who holds the key (recorded as the acknowledger of an incident, the closer of a month); the role when absent.</summary>
    public string? Name { get; set; }
}
