namespace Chezlepro.Collector.Options;

/// <summary>API roles of contract.md.</summary>
public static class ApiRoles
{
    /// <summary>Every GET.</summary>
    public const string Reader = "reader";

    /// <summary>Every GET and the POSTs.</summary>
    public const string Operator = "operator";

    /// <summary>The GETs that have a client-specific answer, restricted to one client's contracts, services and guests.</summary>
    public const string Client = "client";

    /// <summary>Whether <paramref name="role"/> is one of the roles.</summary>
    public static bool IsKnown(string? role) => role is Reader or Operator or Client;
}
