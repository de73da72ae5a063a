namespace Chezlepro.Agent.Actions;

/// <summary>What one reading changed for an action.</summary>
internal enum TriggerStep
{
    /// <summary>Nothing new.</summary>
    None,

    /// <summary>The condition began to hold: the hold time runs from now.</summary>
    HoldStarted,

    /// <summary>The condition broke (grid back, runtime up, broker back) before the hold ended: nothing runs.</summary>
    Cancelled,

    /// <summary>Held for the hold time: run the command now.</summary>
    Fire,

    /// <summary>The grid came back after the action ran: it may run again in the next outage.</summary>
    Rearmed,
}
