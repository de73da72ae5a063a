namespace Chezlepro.Collector.Options;

/// <summary>The <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Api";

    /// <summary>Bearer keys.</summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>Require a key for <c>/metrics</c> too.</summary>
    public bool ProtectMetrics { get; set; }
}
