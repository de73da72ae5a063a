namespace Chezlepro.Agent.Options;

/// <summary>The <c>Agent</c> section: who this node is and where it keeps its state.</summary>
public sealed class AgentOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Agent";

    /// <summary>Site identity (<c>[a-z0-9][a-z0-9-]{0,31}</c>).</summary>
    public string Site { get; set; } = "";

    /// <summary>Node identity.</summary>
    public string Node { get; set; } = "";

    /// <summary>Folder of the outbox database and logs.</summary>
    public string DataDirectory { get; set; } = "/var/lib/chezlepro-agent";
}
