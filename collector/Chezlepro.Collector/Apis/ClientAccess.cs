namespace Chezlepro.Collector.Apis;

/// <summary>What an endpoint does with a client key or token (the per-endpoint decisions are listed in Apis/README.md).</summary>
public enum ClientAccess
{
    /// <summary>403: the endpoint has nothing client-specific (sites, nodes, failover, alerts, metrics).</summary>
    Refused,

    /// <summary>Served, restricted by the handler to the client's contracts, services and guests (<see cref="ClientScope"/>).</summary>
    Scoped,
}
