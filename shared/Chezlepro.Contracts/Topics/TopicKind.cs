namespace Chezlepro.Contracts.Topics;

/// <summary>The kinds of topic in contract.md.</summary>
public enum TopicKind
{
    /// <summary><c>&lt;root&gt;/v1/&lt;site&gt;/&lt;node&gt;/status</c>.</summary>
    Status,
    /// <summary><c>&lt;root&gt;/v1/&lt;site&gt;/&lt;node&gt;/telemetry/&lt;source&gt;</c>.</summary>
    Telemetry,
    /// <summary><c>&lt;root&gt;/v1/&lt;site&gt;/&lt;node&gt;/health/&lt;check&gt;</c>.</summary>
    Health,
    /// <summary><c>&lt;root&gt;/v1/&lt;site&gt;/&lt;node&gt;/alerts</c>.</summary>
    Alerts,
    /// <summary><c>&lt;root&gt;/v1/failover/&lt;group&gt;</c>.</summary>
    Failover,
    /// <summary><c>&lt;root&gt;/v1/noc/alerts</c>.</summary>
    NocAlerts,
    /// <summary><c>&lt;root&gt;/v1/collector/&lt;id&gt;/status</c>.</summary>
    CollectorStatus,
    /// <summary><c>&lt;root&gt;/v1/failover-applied/&lt;group&gt;</c>: what a proxy consumer applied (packaging/failover).</summary>
    FailoverApplied,
    /// <summary><c>&lt;root&gt;/v1/&lt;site&gt;/&lt;node&gt;/gaps</c>: an agent's eviction notice (an outbox message).</summary>
    Gaps,
    /// <summary><c>&lt;root&gt;/v1/&lt;site&gt;/&lt;node&gt;/ack</c>: the collector's delivery watermark for a node.</summary>
    Ack,
}
