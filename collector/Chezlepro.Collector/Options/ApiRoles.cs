namespace Chezlepro.Collector.Options;

/// <summary>API roles of contract.md.</summary>
public static class ApiRoles
{
    /// <summary>Every GET.</summary>
    public const string Reader = "reader";

    /// <summary>Every GET and the POSTs.</summary>
    public const string Operator = "operator";
}
