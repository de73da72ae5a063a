using Chezlepro.Mqtt;

namespace Chezlepro.Fleet.Simulation;

internal sealed partial class SimulatedNode
{
    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _wake.Reader.ReadAsync(cancellationToken);
            try
            {
                while (_client.IsConnected && await DrainBatchAsync(cancellationToken))
                {
                }
            }
            catch (Exception ex) when (ex is MqttNotConnectedException or MqttConnectionLostException or TimeoutException)
            {
                // The reconnect's ConnectedHandler wakes the loop again, from the watermark.
            }
        }
    }

    /// <summary>One batch from the cursor, started in seq order and awaited in order (as agent/Forwarding); false when idle.</summary>
    private async Task<bool> DrainBatchAsync(CancellationToken cancellationToken)
    {
        var batch = _outbox.Peek(BatchSize);
        if (batch.Count == 0) return false;
        var sends = new List<Task>(batch.Count);
        foreach (var row in batch)
            sends.Add(_client.PublishAsync(new MqttApplicationMessage(row.Topic, row.Payload, MqttQualityOfService.AtLeastOnce), cancellationToken));
        var inOrder = 0;
        Exception? failure = null;
        for (var i = 0; i < sends.Count; i++)
        {
            try
            {
                await sends[i];
                Interlocked.Increment(ref _published);
                if (failure is null) inOrder = i + 1;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure ??= ex;
            }
        }
        if (inOrder > 0) _outbox.Sent(batch[inOrder - 1].Seq, _time.GetUtcNow());
        if (failure is not null) throw new MqttConnectionLostException("publishing stopped: " + failure.Message, failure);
        return true;
    }
}
