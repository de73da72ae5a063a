using Chezlepro.Agent.Outbox;

namespace Chezlepro.Agent.Forwarding;

/// <summary>
/// One peeked batch handed to the MQTT client: its rows, their publish tasks (started in seq order) and the
/// <see cref="DeliveryWindow.Pass"/> it was peeked in, so a batch that outlives a reconnect or a re-send start
/// cannot move the new pass's cursor.
/// </summary>
internal sealed record SendBatch(IReadOnlyList<OutboxMessage> Messages, Task[] Sends, long Pass)
{
    /// <summary>Lets the remaining publishes end on their own; their failures are expected (the connection went) and observed here.</summary>
    public void Abandon()
    {
        foreach (var send in Sends)
            _ = send.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
