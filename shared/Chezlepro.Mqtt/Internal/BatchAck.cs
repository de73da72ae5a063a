namespace Chezlepro.Mqtt.Internal;

/// <summary>
/// One wait for a whole batch of QoS 1 publishes: each settles its own slot (PUBACK or failure) and the last one
/// completes the task, so a batch costs one completion and one continuation instead of one per message.
/// </summary>
internal sealed class BatchAck(int count)
{
    private readonly Exception?[] _failures = new Exception?[count];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = count;

    /// <summary>Completes once every message of the batch is settled.</summary>
    public Task Task => _done.Task;

    /// <summary>One entry per message, in the caller's order: null when acknowledged, else why not.</summary>
    public IReadOnlyList<Exception?> Failures => _failures;

    /// <summary>Records one message's outcome; called once per message (PendingAck guards against a second call).</summary>
    public void Settle(int index, Exception? failure)
    {
        _failures[index] = failure;
        // The decrement is a full fence: whoever sees the task complete also sees every slot written before it.
        if (Interlocked.Decrement(ref _remaining) == 0) _done.TrySetResult();
    }
}
