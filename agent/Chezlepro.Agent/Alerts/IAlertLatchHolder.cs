namespace Chezlepro.Agent.Alerts;

/// <summary>A source whose alerts latch: its raised alerts are restored from the outbox at start (issue #15).</summary>
public interface IAlertLatchHolder
{
    /// <summary>Marks the given alerts raised (they were, when the agent stopped); the next polls clear them if due.</summary>
    /// <param name="alertIds">Ids persisted as raised for this source.</param>
    void RestoreLatches(IEnumerable<string> alertIds);
}
