using Chezlepro.Agent.Outbox;

namespace Chezlepro.Agent.Forwarding;

/// <summary>
/// One peeked batch handed to the MQTT client: its rows, the batch publish (in seq order; one outcome per row) and the
/// <see cref="DeliveryWindow.Pass"/> it was peeked in, so a batch that outlives a reconnect or a re-send start
/// cannot move the new pass's cursor.
/// </summary>
internal sealed record SendBatch(IReadOnlyList<OutboxMessage> Messages, Task<IReadOnlyList<Exception?>> Sends, long Pass)
{
    /// <summary>Lets the publish end on its own; a failure is expected (the connection went) and observed here.</summary>
    public void Abandon() =>
        _ = Sends.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
