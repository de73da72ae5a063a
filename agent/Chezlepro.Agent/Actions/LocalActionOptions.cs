namespace Chezlepro.Agent.Actions;

/// <summary>
/// One entry of <c>Actions</c>: a command the agent runs on its own when the site is on battery and about to run
/// out (the NUT <c>upsmon</c> role for a site cut off from the collector). See packaging/README.md, Local actions.
/// </summary>
public sealed class LocalActionOptions
{
    /// <summary>Name, unique among the actions: logs, and the alert id <c>action-&lt;name&gt;</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Power source whose readings count (its <c>Name</c>); null: every power source of the node.</summary>
    public string? Source { get; set; }

    /// <summary>
    /// Fires only while the estimated battery runtime is below this (a TimeSpan, like the power sources'
    /// <c>RuntimeLeadTime</c>); null: the grid loss alone, held for <see cref="Hold"/>, is enough.
    /// </summary>
    public TimeSpan? RuntimeBelow { get; set; }

    /// <summary>How long the condition must hold without a break before the command runs.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Fires only while the broker is unreachable (nobody at the collector could act instead).</summary>
    public bool OnlyWhenBrokerUnreachable { get; set; }

    /// <summary>Absolute path of the program; started directly, never through a shell.</summary>
    public string Command { get; set; } = "";

    /// <summary>Arguments, one per element, passed as they are (no shell splitting or expansion).</summary>
    public IReadOnlyList<string> Arguments { get; set; } = [];

    /// <summary>Longest run; the command and its children are killed past it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Log and alert as if the command ran, without running it (the default: see packaging/README.md).</summary>
    public bool DryRun { get; set; } = true;
}
