using Chezlepro.Mqtt.Internal;

namespace Chezlepro.Mqtt;

public sealed partial class MqttClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Exception?>> PublishBatchAsync(IReadOnlyList<MqttApplicationMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0) return [];
        var connectionNow = CurrentConnectionOrThrow();
        var packets = new byte[messages.Count][];
        byte[]? topic = null;
        string? topicName = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i] ?? throw new ArgumentException($"message {i} of the batch is null", nameof(messages));
            if (message.QualityOfService != MqttQualityOfService.AtLeastOnce)
                throw new ArgumentException($"message {i} of the batch is QoS {(int)message.QualityOfService}; a batch is QoS 1 only", nameof(messages));
            // A drain publishes runs of one topic: validated and encoded once per run, not once per message.
            if (!string.Equals(message.Topic, topicName, StringComparison.Ordinal))
            {
                topic = ValidatedTopic(message);
                topicName = message.Topic;
            }
            packets[i] = EncodePublish(connectionNow, message, topic!);
        }
        var batch = new BatchAck(messages.Count);
        lock (_gate)
        {
            var connection = _connection;
            if (connection is null || connection.IsClosed) throw NotConnected();
            // Same path as PublishAsync, message by message and in order: ids, window, session re-sends and DUP
            // are those of single publishes; only the wait is shared.
            for (var i = 0; i < packets.Length; i++)
                SendOrQueueLocked(new PendingAck(connection, holdsInflightSlot: true, batch, i) { Packet = packets[i] });
        }
        // A cancelled wait leaves the messages queued or in flight, as for PublishAsync.
        await batch.Task.WaitAsync(cancellationToken);
        return batch.Failures;
    }
}
