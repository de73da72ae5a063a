namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>What survives a restart: when the last run started, and the last result of each sample.</summary>
internal sealed class RestoreState
{
    public DateTimeOffset? LastRunAt { get; set; }

    public List<RestoreResult> Results { get; set; } = [];
}
