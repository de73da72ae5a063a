namespace Chezlepro.Collector.Failover;

/// <summary>
/// The <c>mode</c> values of a failover decision. <c>automatic</c> and <c>advisory</c> are contract.md's;
/// <c>operator</c> is an addition for a decision an operator made or confirmed through the API (a consumer
/// applies it like an automatic one; it never applies an advisory one).
/// </summary>
public static class FailoverModes
{
    /// <summary>Decided and to be applied without a human.</summary>
    public const string Automatic = "automatic";

    /// <summary>A proposal: consumers do not apply it; an operator confirms it through the API.</summary>
    public const string Advisory = "advisory";

    /// <summary>Made or confirmed by an operator.</summary>
    public const string Operator = "operator";
}
