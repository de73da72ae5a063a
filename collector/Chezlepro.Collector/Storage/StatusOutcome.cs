namespace Chezlepro.Collector.Storage;

/// <summary>What applying a status message did.</summary>
public enum StatusOutcome
{
    /// <summary>The node's state changed (or was confirmed) by this message.</summary>
    Applied,
    /// <summary>The message belongs to an older session (a late will after a takeover) and was ignored.</summary>
    Stale,
}
