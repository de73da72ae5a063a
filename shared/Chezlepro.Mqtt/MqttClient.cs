using Chezlepro.Mqtt.Internal;
using Chezlepro.Mqtt.Transport;
using Microsoft.Extensions.Logging;
using Polly;

namespace Chezlepro.Mqtt;

/// <summary>
/// The project's MQTT 3.1.1 client: one logical connection kept alive, reconnecting with jittered
/// exponential backoff; QoS 0 and 1 publishing with a bounded in-flight window; subscriptions replayed
/// after every reconnect. Thread-safe for concurrent publishers. The constructor does no I/O.
/// </summary>
public sealed partial class MqttClient : IMqttClient
{
    private readonly MqttClientOptions _options;
    private readonly ILogger<MqttClient> _logger;
    private readonly TimeProvider _time;
    private readonly Func<IMqttTransport> _transportFactory;
    private readonly ResiliencePipeline<MqttConnection> _reconnect;
    private readonly object _gate = new();
    private readonly Queue<PendingAck> _waiting = new();
    private int _inflightCount;
    private readonly Dictionary<ushort, PendingAck> _pending = [];
    private readonly List<MqttTopicFilter> _subscriptions = [];
    private readonly CancellationTokenSource _lifetime = new();
    private MqttConnection? _connection;
    private Task? _loop;
    private ushort _lastPacketId;
    private long _sendOrder;
    private long _connectionNumber;
    private int _state; // 0 new, 1 started, 2 stopped

    /// <summary>Creates a client; validates <paramref name="options"/> (throws <see cref="ArgumentException"/> naming the key and value).</summary>
    /// <param name="options">Connection settings.</param>
    /// <param name="logger">Logger (event ids 5xxx).</param>
    /// <param name="timeProvider">Clock for keepalive, timeouts and backoff.</param>
    public MqttClient(MqttClientOptions options, ILogger<MqttClient> logger, TimeProvider timeProvider)
        : this(options, logger, timeProvider, null)
    {
    }

    /// <summary>Creates a client over a caller-supplied transport (a new one per connection attempt).</summary>
    /// <param name="options">Connection settings.</param>
    /// <param name="logger">Logger (event ids 5xxx).</param>
    /// <param name="timeProvider">Clock for keepalive, timeouts and backoff.</param>
    /// <param name="transportFactory">Makes one transport per connection attempt; null for TCP or TLS per <paramref name="options"/>.</param>
    public MqttClient(MqttClientOptions options, ILogger<MqttClient> logger, TimeProvider timeProvider, Func<IMqttTransport>? transportFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        MqttClientOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        _logger = logger;
        _time = timeProvider;
        _transportFactory = transportFactory ?? CreateDefaultTransport;
        _reconnect = BuildReconnectPipeline();
    }

    /// <inheritdoc />
    public bool IsConnected => Volatile.Read(ref _connection) is { IsClosed: false };

    /// <summary>
    /// True after <see cref="StartAsync"/> while the connection loop runs, connected or reconnecting; false before the
    /// start, after <see cref="StopAsync"/>, and once the loop has ended on a fault: a client that will never
    /// reconnect by itself (the collector's systemd watchdog restarts the process then).
    /// </summary>
    public bool IsRunning => Volatile.Read(ref _state) == 1 && Volatile.Read(ref _loop) is not { IsCompleted: true };

    /// <inheritdoc />
    public Func<CancellationToken, ValueTask<MqttApplicationMessage?>>? WillFactory { get; set; }

    /// <inheritdoc />
    public Func<MqttConnectedEventArgs, CancellationToken, Task>? ConnectedHandler { get; set; }

    /// <inheritdoc />
    public Func<MqttDisconnectedEventArgs, Task>? DisconnectedHandler { get; set; }

    /// <inheritdoc />
    public Func<MqttApplicationMessage, CancellationToken, Task>? MessageHandler { get; set; }

    /// <inheritdoc />
    public Func<IReadOnlyList<MqttApplicationMessage>, CancellationToken, Task>? BatchMessageHandler { get; set; }

    /// <inheritdoc />
    /// <remarks>
    /// A refused CONNACK throws <see cref="MqttConnectRefusedException"/> and nothing keeps running. A network
    /// failure on the first attempt is logged and the loop keeps trying in the background (the method returns
    /// with <see cref="IsConnected"/> false).
    /// </remarks>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0) throw new InvalidOperationException("StartAsync may be called once per client");
        if (_options.Tls is { Enabled: true, SkipCertificateValidation: true }) MqttLog.TlsVerificationDisabled(_logger, _options.Host, _options.Port);
        MqttConnection? first = null;
        try
        {
            first = await ConnectOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is MqttConnectRefusedException || IsConfigurationFault(ex))
        {
            // Nothing was started: the caller may try again (the collector retries a refusal with a backoff).
            Interlocked.Exchange(ref _state, 0);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _state, 0);
            throw;
        }
        catch (Exception ex)
        {
            MqttLog.FirstConnectFailed(_logger, _options.Host, _options.Port, ex.Message);
        }
        _loop = Task.Run(() => RunAsync(first, _lifetime.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }
        var c = Volatile.Read(ref _connection);
        if (c is not null && !c.IsClosed)
        {
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            c.BeginDisconnect();
            // [MQTT-3.14.4-3]: DISCONNECT makes the broker discard the will.
            if (c.TrySend(Packets.DisconnectPacket.Encode(), written))
            {
                try
                {
                    await written.Task.WaitAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is MqttConnectionLostException or OperationCanceledException)
                {
                    // Already gone or out of time: closing below is all that is left.
                }
            }
            c.Close(null, clean: true, "stopped by the application");
        }
        _lifetime.Cancel();
        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        // Publishes kept for a durable session's next connection have no connection left to complete on.
        FailAllPending("the client was stopped");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
        if (Volatile.Read(ref _state) == 1) await StopAsync(cts.Token);
        Interlocked.Exchange(ref _state, 2);
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    /// <summary>A TLS verification failure or an unreadable key file will not mend itself by retrying.</summary>
    private static bool IsConfigurationFault(Exception ex) => ex is TlsSetupException;

    /// <summary>
    /// Drops the current connection without DISCONNECT, as a power cut would (the broker publishes the will);
    /// the loop then reconnects. For tests and for an operator's "reconnect now".
    /// </summary>
    public void AbortConnection() =>
        Volatile.Read(ref _connection)?.Close(new MqttConnectionLostException("connection aborted by the application"), clean: false, "aborted by the application");

    private IMqttTransport CreateDefaultTransport() => _options.Tls.Enabled
        ? new TlsMqttTransport(_options.Host, _options.Port, _options.Tls, _logger)
        : new TcpMqttTransport(_options.Host, _options.Port);
}
