namespace Chezlepro.Collector.Options;

/// <summary>One API key and its role.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The bearer key (secret).</summary>
    public string Key { get; set; } = "";

    /// <summary><c>reader</c> (every GET) or <c>operator</c> (also the POSTs).</summary>
    public string Role { get; set; } = ApiRoles.Reader;
}
