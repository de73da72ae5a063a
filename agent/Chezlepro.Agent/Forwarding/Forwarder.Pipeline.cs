using Chezlepro.Agent.Diagnostics;
using Chezlepro.Mqtt;

namespace Chezlepro.Agent.Forwarding;

/// <summary>
/// The drain as a pipeline (issue #15, drain bench): while batch k waits for its PUBACKs, batches k+1.. are already
/// peeked and queued in the client, so its in-flight window never runs empty between batches; the PUBACKed rows are
/// marked sent in one transaction per <see cref="MarkSentEvery"/> rows, in the background, instead of one per batch
/// on the hot path (waiting for that transaction's fsync stopped the wire). Batches complete in seq order, and the
/// first failure stops the pipeline at the first unacknowledged seq, as before.
/// </summary>
public sealed partial class Forwarder
{
    // 4 × Outbox:BatchSize (256) rows queued ahead of the PUBACKs: about 0.1 s of wire at 10k msg/s, 1–2 MB of payload.
    private const int BatchesInFlight = 4;
    private const int MarkSentEvery = 2048;

    private readonly Queue<SendBatch> _inFlight = new();
    private readonly List<long> _toMark = [];
    private Task _marking = Task.CompletedTask;
    private long _queuedThrough;
    private long _queuedPass = -1;

    /// <summary>Queues one batch after what is already queued; returns false when nothing was left to send or wait for.</summary>
    private async Task<bool> DrainBatchAsync(CancellationToken cancellationToken)
    {
        var pass = _window.Pass;
        if (pass != _queuedPass)
        {
            // A new pass starts at the window's cursor (the watermark): what an earlier pass queued goes again.
            _queuedPass = pass;
            _queuedThrough = 0;
        }
        var after = Math.Max(_queuedThrough, _window.Cursor);
        var batch = await _outbox.PeekAsync(after, _options.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            if (_inFlight.Count > 0)
            {
                await CompleteInFlightAsync(cancellationToken);
                return true;
            }
            await MarkSentAsync(force: true);
            _window.CaughtUp(_time.GetUtcNow());
            return false;
        }
        // One batch publish, in seq order (the client's window keeps that order on the wire), one wait for all of its
        // PUBACKs: a wait and a continuation per message cost more than the rest of the drain (issue #15 bench).
        var messages = new MqttApplicationMessage[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            messages[i] = new MqttApplicationMessage(batch[i].Topic, batch[i].Payload, MqttQualityOfService.AtLeastOnce);
        _inFlight.Enqueue(new SendBatch(batch, _client.PublishBatchAsync(messages, cancellationToken), pass));
        _queuedThrough = batch[^1].Seq;
        if (_inFlight.Count >= BatchesInFlight) await CompleteOldestAsync(cancellationToken);
        return true;
    }

    private async Task CompleteInFlightAsync(CancellationToken cancellationToken)
    {
        while (_inFlight.Count > 0) await CompleteOldestAsync(cancellationToken);
    }

    /// <summary>Awaits the oldest batch's PUBACKs in order; a failure abandons the pipeline and throws.</summary>
    private async Task CompleteOldestAsync(CancellationToken cancellationToken)
    {
        var batch = _inFlight.Dequeue();
        var acked = 0;
        var resent = 0;
        Exception? failure = null;
        IReadOnlyList<Exception?> outcomes;
        try
        {
            outcomes = await batch.Sends;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Refused before anything went (not connected): the whole batch failed at its first row.
            outcomes = [ex];
        }
        // Only the in-order prefix counts: the cursor must not pass a row the broker did not take.
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i] is { } ex)
            {
                AgentLog.PublishFailed(_logger, batch.Messages[i].Seq, ex.Message);
                failure = ex;
                break;
            }
            acked++;
            _toMark.Add(batch.Messages[i].Seq);
            if (batch.Messages[i].SentAt is not null) resent++;
        }
        if (acked > 0)
        {
            var now = _time.GetUtcNow();
            _window.Sent(batch.Messages[acked - 1].Seq, batch.Pass, now);
            _state.Published += acked;
            _state.Resends += resent;
            _state.LastPublishAt = now;
        }
        if (failure is null)
        {
            await MarkSentAsync(force: false);
            return;
        }
        AbandonInFlight();
        await MarkSentAsync(force: true);
        throw new MqttConnectionLostException("Publishing stopped: " + failure.Message, failure);
    }

    /// <summary>The connection went: what is still queued is no longer this pass's (the next one starts at the watermark).</summary>
    private void AbandonInFlight()
    {
        while (_inFlight.TryDequeue(out var batch)) batch.Abandon();
        _queuedPass = -1;
    }

    /// <summary>
    /// A PUBACK only says the broker has it: the row stays until a watermark covers it. The marks go in the background
    /// once enough have gathered (one at a time), and all of them, awaited, when <paramref name="force"/> (idle, failure).
    /// </summary>
    private async Task MarkSentAsync(bool force)
    {
        if (!force && (_toMark.Count < MarkSentEvery || !_marking.IsCompleted)) return;
        await _marking;
        if (_toMark.Count == 0) return;
        long[] seqs = [.. _toMark];
        _toMark.Clear();
        // A backlog drained after an outage is news; the routine message of every poll is not (years of journal).
        if (seqs.Length >= BacklogWorthLogging) AgentLog.Drained(_logger, seqs.Length, seqs[^1]);
        else AgentLog.Forwarded(_logger, seqs.Length, seqs[^1]);
        _marking = _outbox.MarkSentAsync(seqs, CancellationToken.None);
        if (force) await _marking;
    }
}
