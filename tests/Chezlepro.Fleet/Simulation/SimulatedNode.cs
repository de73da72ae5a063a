using System.Text.Json;
using System.Threading.Channels;
using Chezlepro.Contracts.Json;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Fleet.Simulation;

/// <summary>
/// One simulated agent: its own MQTT connection (the project's client, the agent's client id, keepalive and in-flight
/// window), a birth on every connect and a will carrying the session, outbox messages sequenced and re-sent from the
/// watermark as agent/Forwarding does, and a cable the fault schedule can cut.
/// </summary>
internal sealed partial class SimulatedNode : IAsyncDisposable
{
    private const int BatchSize = 256;
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(1);

    private readonly MqttClient _client;
    private readonly OutageSwitch _cable = new();
    private readonly NodeOutbox _outbox = new();
    private readonly NodeSchedule _schedule;
    private readonly TimeProvider _time;
    private readonly LatencyRecorder _delays;
    private readonly Channel<byte> _wake = Channel.CreateBounded<byte>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly DateTimeOffset _startedAt;
    private readonly HashSet<long> _backlog = [];
    private Task? _sender;
    private long _session;
    private long _published;
    private long _connects;

    public SimulatedNode(NodePayloads payloads, int brokerPort, NodeSchedule schedule, LatencyRecorder delays, TimeProvider time)
    {
        Payloads = payloads;
        _schedule = schedule;
        _delays = delays;
        _time = time;
        _startedAt = time.GetUtcNow();
        var options = new MqttClientOptions
        {
            Host = "127.0.0.1", Port = brokerPort, ClientId = $"chezlepro-agent-{payloads.Site}-{payloads.Node}",
            KeepAlive = TimeSpan.FromSeconds(30), CleanSession = true, MaxInflight = 32,
            ReconnectMinDelay = TimeSpan.FromSeconds(1), ReconnectMaxDelay = TimeSpan.FromSeconds(5),
        };
        _client = new MqttClient(options, NullLogger<MqttClient>.Instance, time, () => new SwitchedTransport(brokerPort, _cable));
        _client.WillFactory = _ => ValueTask.FromResult<MqttApplicationMessage?>(
            new(Payloads.StatusTopic, Status(online: false, Interlocked.Increment(ref _session)), MqttQualityOfService.AtLeastOnce, Retain: true));
        _client.ConnectedHandler = OnConnectedAsync;
        _client.MessageHandler = OnAckAsync;
    }

    public NodePayloads Payloads { get; }

    public long LastSeq => _outbox.LastSeq;

    public long Watermark => _outbox.Watermark;

    public int Pending => _outbox.Pending;

    public long Published => Interlocked.Read(ref _published);

    public long Connects => Interlocked.Read(ref _connects);

    public bool IsCut => _cable.IsCut;

    public bool IsConnected => _client.IsConnected;

    /// <summary>False once the client's connection loop has ended on a fault (it will never reconnect by itself).</summary>
    public bool ClientRunning => _client.IsRunning;

    /// <summary>Messages captured while the cable was cut.</summary>
    public int BacklogCount
    {
        get
        {
            lock (_backlog) return _backlog.Count;
        }
    }

    /// <summary>Whether <paramref name="seq"/> was captured while the cable was cut (sent later as a backlog).</summary>
    public bool IsBacklog(long seq)
    {
        lock (_backlog) return _backlog.Contains(seq);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _client.SubscribeAsync([new MqttTopicFilter(Payloads.AckTopic, MqttQualityOfService.AtLeastOnce)], cancellationToken);
        await _client.StartAsync(cancellationToken);
        _sender = SendLoopAsync(_stop.Token);
    }

    /// <summary>Captures every poll that is due at <paramref name="now"/> (unless <paramref name="capture"/> is false, once the run is over) and restarts an unanswered send.</summary>
    public void Tick(DateTimeOffset now, bool capture = true)
    {
        var appended = capture && CaptureDue(now);
        if (_outbox.TryStartResend(now, AckTimeout)) appended = true;
        if (appended) _wake.Writer.TryWrite(0);
    }

    private bool CaptureDue(DateTimeOffset now)
    {
        var live = !_cable.IsCut;
        var appended = false;
        if (_schedule.PowerDue(now))
        {
            var grid = _schedule.GridUp;
            Capture(Payloads.PowerTopic, seq => Payloads.Power(seq, now, _schedule.Rng, grid), now, live);
            if (_schedule.GridChange() is { } raised) Capture(Payloads.AlertsTopic, seq => Payloads.GridAlert(seq, now, raised), now, live);
            appended = true;
        }
        if (_schedule.HostDue(now))
        {
            Capture(Payloads.HostTopic, seq => Payloads.Host(seq, now, _schedule.Rng), now, live);
            appended = true;
        }
        if (_schedule.HealthDue(now))
        {
            for (var i = 0; i < NodePayloads.Checks.Count; i++)
            {
                var check = NodePayloads.Checks[i];
                var status = _schedule.CheckStatus(i);
                Capture(Payloads.HealthTopic(check), seq => Payloads.Health(seq, now, check, status), now, live);
            }
            appended = true;
        }
        return appended;
    }

    public void CutCable() => _cable.Cut();

    public void RestoreCable() => _cable.Restore();

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_sender is not null)
        {
            try
            {
                await _sender;
            }
            catch (OperationCanceledException)
            {
            }
        }
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _client.StopAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        _stop.Dispose();
    }

    private void Capture(string topic, Func<long, byte[]> build, DateTimeOffset now, bool live)
    {
        var seq = _outbox.Append(topic, build, now, live);
        if (live) return;
        lock (_backlog) _backlog.Add(seq);
    }

    private byte[] Status(bool online, long session) => Payloads.Status(online, session, _time.GetUtcNow(), _startedAt);

    private async Task OnConnectedAsync(MqttConnectedEventArgs args, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connects);
        _outbox.Reconnected(_time.GetUtcNow());
        try
        {
            var birth = Status(online: true, Interlocked.Read(ref _session));
            await _client.PublishAsync(new MqttApplicationMessage(Payloads.StatusTopic, birth, MqttQualityOfService.AtLeastOnce, Retain: true), cancellationToken);
        }
        catch (Exception ex) when (ex is MqttConnectionLostException or MqttNotConnectedException or OperationCanceledException)
        {
            // The next connection publishes its own birth.
        }
        _wake.Writer.TryWrite(0);
    }

    private Task OnAckAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic != Payloads.AckTopic) return Task.CompletedTask;
        var ack = JsonSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.DeliveryAck);
        if (ack is null || ack.Site != Payloads.Site || ack.Node != Payloads.Node) return Task.CompletedTask;
        var now = _time.GetUtcNow();
        foreach (var row in _outbox.Acknowledge(ack.Through, now))
        {
            if (row.Live) _delays.Add((now - row.CapturedAt).TotalMilliseconds);
        }
        return Task.CompletedTask;
    }
}
