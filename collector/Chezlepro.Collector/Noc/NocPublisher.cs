using Chezlepro.Collector.Noc.Mqtt;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// The NOC alert stream: every alert goes through the <see cref="NocAlertBook"/> (de-duplication, flap holds), and
/// what it lets through goes to every <see cref="INocSink"/> (the MQTT topic, Alertmanager when configured), in order.
/// Only the leader flushes the sinks; a follower keeps its book and its sinks' view of what is raised up to date.
/// </summary>
public sealed class NocPublisher
{
    private readonly IReadOnlyList<INocSink> _sinks;
    private readonly TimeProvider _time;
    private readonly NocAlertBook _book;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILeadership? _leadership;

    /// <summary>Creates the publisher over its sinks (what <c>AddNoc</c> registers).</summary>
    /// <param name="sinks">The configured sinks.</param>
    /// <param name="time">Clock.</param>
    /// <param name="book">De-duplication and flap state (tests pass their own).</param>
    /// <param name="leadership">With several collectors, only the leader (the failover decision-maker) sends; the others keep
    /// their book up to date (so a takeover does not repeat what was already sent) and send nothing.</param>
    public NocPublisher(IEnumerable<INocSink> sinks, TimeProvider time, NocAlertBook? book = null, ILeadership? leadership = null)
    {
        _sinks = [.. sinks];
        _time = time;
        _book = book ?? new NocAlertBook();
        _leadership = leadership;
    }

    /// <summary>Creates the publisher with the MQTT topic as its only sink.</summary>
    /// <param name="client">The collector's MQTT client.</param>
    /// <param name="topics">Topic names.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="book">De-duplication and flap state (tests pass their own).</param>
    /// <param name="leadership">See the other constructor.</param>
    public NocPublisher(IMqttClient client, TopicScheme topics, TimeProvider time, ILogger<NocPublisher> logger, NocAlertBook? book = null,
        ILeadership? leadership = null)
        : this([new MqttNocSink(client, topics, new NocSinkCounters(), logger)], time, book, leadership)
    {
    }

    /// <summary>Offers an alert; publishes it if the book lets it through.</summary>
    public Task OfferAsync(NocAlert alert, CancellationToken cancellationToken) => RunAsync(now => _book.Offer(alert, now), cancellationToken);

    /// <summary>
    /// Queues an agent alert for the stream (call from ingest after it was stored). It is published by the next
    /// <see cref="TickAsync"/>, not here: ingest runs inside the MQTT client's message handler, and awaiting a
    /// PUBACK there would wait on the very receive loop that is busy running the handler.
    /// </summary>
    public Task OnAgentAlertAsync(AlertEvent alert, CancellationToken cancellationToken) =>
        RunAsync(now => _book.Offer(NocAlertTexts.FromAgent(alert, now), now), cancellationToken, publish: false);

    /// <summary>Ends flap holds that went quiet and retries the backlog.</summary>
    public Task TickAsync(CancellationToken cancellationToken) => RunAsync(_book.Tick, cancellationToken);

    /// <summary>Current and recent alerts.</summary>
    public async Task<IReadOnlyList<NocAlertView>> ViewsAsync(AlertState? state, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _book.Views(state);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunAsync(Func<DateTimeOffset, IReadOnlyList<NocAlert>> step, CancellationToken cancellationToken, bool publish = true)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var a in step(_time.GetUtcNow()))
            {
                foreach (var sink in _sinks) sink.Enqueue(a);
            }
            if (_leadership is { Shared: true, IsLeader: false })
            {
                foreach (var sink in _sinks) sink.Drop();
                return;
            }
            if (!publish) return;
            foreach (var sink in _sinks) await sink.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
