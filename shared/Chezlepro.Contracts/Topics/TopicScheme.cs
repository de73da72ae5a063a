using Chezlepro.Contracts.Identity;

namespace Chezlepro.Contracts.Topics;

/// <summary>
/// Builds and parses the topics of contract.md under <c>&lt;root&gt;/v1</c>. Every segment is checked
/// against the identity charset, so a wildcard, a <c>$</c> or a control character never reaches the wire.
/// </summary>
public sealed class TopicScheme
{
    /// <summary>Contract version segment.</summary>
    public const string Version = "v1";

    /// <summary>The default root, <c>chezlepro</c>.</summary>
    public const string DefaultRoot = "chezlepro";

    private readonly string _prefix;

    /// <summary>Creates a scheme rooted at <paramref name="root"/> (<c>Mqtt:TopicRoot</c>).</summary>
    /// <param name="root">Root segment; identity charset.</param>
    public TopicScheme(string root = DefaultRoot)
    {
        Root = Identifiers.RequireId(root, "Mqtt:TopicRoot");
        _prefix = root + "/" + Version + "/";
    }

    /// <summary>The root segment.</summary>
    public string Root { get; }

    /// <summary>The filter that matches every agent message: <c>&lt;root&gt;/v1/+/+/#</c>.</summary>
    public string AgentFilter => _prefix + "+/+/#";

    /// <summary>Status topic of a node.</summary>
    /// <param name="site">Site identity.</param>
    /// <param name="node">Node identity.</param>
    public string Status(string site, string node) => Node(site, node) + "/status";

    /// <summary>Telemetry topic of one source of a node.</summary>
    /// <param name="site">Site identity.</param>
    /// <param name="node">Node identity.</param>
    /// <param name="source">Source name.</param>
    public string Telemetry(string site, string node, string source) =>
        Node(site, node) + "/telemetry/" + Identifiers.RequireName(source, "source");

    /// <summary>Health topic of one check of a node.</summary>
    /// <param name="site">Site identity.</param>
    /// <param name="node">Node identity.</param>
    /// <param name="check">Check name.</param>
    public string Health(string site, string node, string check) =>
        Node(site, node) + "/health/" + Identifiers.RequireName(check, "check");

    /// <summary>Alerts topic of a node.</summary>
    /// <param name="site">Site identity.</param>
    /// <param name="node">Node identity.</param>
    public string Alerts(string site, string node) => Node(site, node) + "/alerts";

    /// <summary>Gaps (eviction notice) topic of a node.</summary>
    /// <param name="site">Site identity.</param>
    /// <param name="node">Node identity.</param>
    public string Gaps(string site, string node) => Node(site, node) + "/gaps";

    /// <summary>Delivery watermark topic of a node (collector to agent, retained).</summary>
    /// <param name="site">Site identity.</param>
    /// <param name="node">Node identity.</param>
    public string Ack(string site, string node) => Node(site, node) + "/ack";

    /// <summary>Failover decision topic of a group.</summary>
    /// <param name="group">Group identity.</param>
    public string Failover(string group) => _prefix + "failover/" + Identifiers.RequireId(group, "group");

    /// <summary>Where a proxy's failover consumer reports the epoch it applied.</summary>
    /// <param name="group">Group identity.</param>
    public string FailoverApplied(string group) => _prefix + "failover-applied/" + Identifiers.RequireId(group, "group");

    /// <summary>NOC alert stream.</summary>
    public string NocAlerts => _prefix + "noc/alerts";

    /// <summary>Status topic of a collector.</summary>
    /// <param name="id">Collector identity.</param>
    public string CollectorStatus(string id) => _prefix + "collector/" + Identifiers.RequireId(id, "collector id") + "/status";

    /// <summary>Parses a received topic; false for anything that is not exactly a contract topic.</summary>
    /// <param name="topic">Topic as received.</param>
    /// <param name="parsed">The parts, when the result is true.</param>
    public bool TryParse(string topic, out ParsedTopic parsed)
    {
        parsed = null!;
        if (topic is null || !topic.StartsWith(_prefix, StringComparison.Ordinal)) return false;
        var parts = topic[_prefix.Length..].Split('/');
        switch (parts)
        {
            case ["failover", var group] when Identifiers.IsValidId(group):
                parsed = new ParsedTopic(TopicKind.Failover, null, null, group);
                return true;
            case ["failover-applied", var applied] when Identifiers.IsValidId(applied):
                parsed = new ParsedTopic(TopicKind.FailoverApplied, null, null, applied);
                return true;
            case ["noc", "alerts"]:
                parsed = new ParsedTopic(TopicKind.NocAlerts, null, null, null);
                return true;
            case ["collector", var id, "status"] when Identifiers.IsValidId(id):
                parsed = new ParsedTopic(TopicKind.CollectorStatus, null, null, id);
                return true;
        }
        if (parts.Length < 3 || !Identifiers.IsValidId(parts[0]) || !Identifiers.IsValidId(parts[1])) return false;
        // "failover", "noc" and "collector" are reserved first segments, not sites.
        if (parts[0] is "failover" or "failover-applied" or "noc" or "collector") return false;
        ParsedTopic? result = parts[2..] switch
        {
            ["status"] => new ParsedTopic(TopicKind.Status, parts[0], parts[1], null),
            ["alerts"] => new ParsedTopic(TopicKind.Alerts, parts[0], parts[1], null),
            ["gaps"] => new ParsedTopic(TopicKind.Gaps, parts[0], parts[1], null),
            ["ack"] => new ParsedTopic(TopicKind.Ack, parts[0], parts[1], null),
            ["telemetry", var s] when Identifiers.IsValidName(s) => new ParsedTopic(TopicKind.Telemetry, parts[0], parts[1], s),
            ["health", var c] when Identifiers.IsValidName(c) => new ParsedTopic(TopicKind.Health, parts[0], parts[1], c),
            _ => null,
        };
        if (result is null) return false;
        parsed = result;
        return true;
    }

    private string Node(string site, string node) =>
        _prefix + Identifiers.RequireId(site, "site") + "/" + Identifiers.RequireId(node, "node");
}
