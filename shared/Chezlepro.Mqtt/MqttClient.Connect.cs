using System.Text;
using Chezlepro.Mqtt.Internal;
using Chezlepro.Mqtt.Packets;
using Chezlepro.Mqtt.Validation;
using Polly;
using Polly.Retry;

namespace Chezlepro.Mqtt;

public sealed partial class MqttClient
{
    private ResiliencePipeline<MqttConnection> BuildReconnectPipeline() =>
        new ResiliencePipelineBuilder<MqttConnection> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<MqttConnection>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null and not OperationCanceledException),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.ReconnectMinDelay,
                MaxDelay = _options.ReconnectMaxDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    MqttLog.ReconnectScheduled(_logger, args.AttemptNumber + 1, _options.Host, _options.Port,
                        args.Outcome.Exception?.Message ?? "no connection", args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>Waits for each connection to end, reports it, and reconnects until stopped.</summary>
    private async Task RunAsync(MqttConnection? connection, CancellationToken lifetime)
    {
        while (true)
        {
            if (connection is not null)
            {
                var reason = await connection.Closed;
                await TearDownAsync(connection, reason);
            }
            if (lifetime.IsCancellationRequested) return;
            try
            {
                if (connection is not null)
                {
                    // A short jittered pause even before the first retry: two clients fighting over one client id
                    // (takeover, [MQTT-3.1.4-2]) must not reconnect in a tight loop.
                    var pause = _options.ReconnectMinDelay * (0.5 + (Random.Shared.NextDouble() / 2));
                    await Task.Delay(pause, _time, lifetime);
                }

                // The first attempt runs at once; Polly spaces the following ones (jittered exponential backoff).
                connection = await _reconnect.ExecuteAsync(ConnectOnceAsync, lifetime);
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Transport, CONNECT, CONNACK, re-subscription, ConnectedHandler: one attempt.</summary>
    private async ValueTask<MqttConnection> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        // The will is asked for before every CONNECT, so it can carry this connection's session number.
        var will = WillFactory is { } factory ? await factory(token) : null;
        var connect = BuildConnect(will);
        var transport = _transportFactory();
        var connection = new MqttConnection(transport, _time, _options.MaxIncomingPacketSize, (byte)_options.ProtocolVersion)
        {
            KeepAlive = _options.KeepAlive,
        };
        try
        {
            await transport.ConnectAsync(token);
            connection.StartWriter();
            _ = Task.Run(() => ReadLoopAsync(connection), CancellationToken.None);
            connection.TrySend(connect);
            var connAck = await connection.ConnAck.Task.WaitAsync(token);
            if (connAck.ReturnCode != 0)
            {
                // 3.1.1 return codes 1–5 (§3.2.2.3); MQTT 5 reason codes 0x80 and up (§3.2.2.2).
                var words = connection.IsV5
                    ? MqttProperties.Describe(connAck.ReturnCode) + (connAck.Properties?.ReasonString is { } why ? $" ({why})" : "")
                    : ConnAckPacket.Describe(connAck.ReturnCode);
                MqttLog.ConnectRefused(_logger, _options.Host, _options.Port, words);
                throw new MqttConnectRefusedException(
                    $"MQTT broker {_options.Host}:{_options.Port} refused client '{_options.ClientId}'" +
                    (_options.Username is null ? " (no user name)" : $" (user '{_options.Username}')") + $": {words}",
                    connAck.ReturnCode);
            }
            if (connAck.Properties is { } p)
            {
                if (p.ReceiveMaximum is { } receiveMaximum) connection.SendQuota = receiveMaximum;
                connection.MaxOutgoingPacketSize = p.MaximumPacketSize;
                // [MQTT-3.2.2-21]: the server's keep alive replaces ours.
                if (p.ServerKeepAlive is { } serverKeepAlive) connection.KeepAlive = TimeSpan.FromSeconds(serverKeepAlive);
            }
            _ = Task.Run(() => DispatchLoopAsync(connection), CancellationToken.None);
            _ = Task.Run(() => KeepAliveLoopAsync(connection), CancellationToken.None);
            lock (_gate)
            {
                // Kept publishes go out before the connection becomes current, so before any new publish.
                ResumeSessionLocked(connection, connAck.SessionPresent);
                _connection = connection;
                PumpWaitingLocked();
            }
            await ResubscribeAsync(connection, token);
            var number = Interlocked.Increment(ref _connectionNumber);
            MqttLog.Connected(_logger, _options.Host, _options.Port, _options.ClientId, connAck.SessionPresent, number);
            if (ConnectedHandler is { } handler)
            {
                try
                {
                    await handler(new MqttConnectedEventArgs(connAck.SessionPresent, number), _lifetime.Token);
                }
                catch (Exception ex)
                {
                    MqttLog.HandlerFailed(_logger, "connected", ex);
                }
            }
            return connection;
        }
        catch (Exception ex)
        {
            connection.Close(ex, clean: false, "connect attempt failed");
            lock (_gate)
            {
                if (_connection == connection) _connection = null;
            }
            FailPending(connection, "connect attempt failed");
            await transport.DisposeAsync();
            if (ex is MqttConnectException) throw;
            if (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                throw new MqttConnectException($"MQTT broker {_options.Host}:{_options.Port} did not accept the connection within {_options.ConnectTimeout}", ex);
            if (ex is OperationCanceledException) throw;
            throw new MqttConnectException($"MQTT connection to {_options.Host}:{_options.Port} failed: {ex.Message}", ex);
        }
    }

    private byte[] BuildConnect(MqttApplicationMessage? will) =>
        ConnectPacket.Encode(new ConnectPacket(
            MqttUtf8.Encode(_options.ClientId, "client id"),
            _options.CleanSession,
            (ushort)_options.KeepAlive.TotalSeconds,
            _options.Username is null ? null : MqttUtf8.Encode(_options.Username, "user name"),
            // §3.1.3.5: the password is binary data; UTF-8 is how we carry a configured string.
            _options.Password is null ? null : Encoding.UTF8.GetBytes(_options.Password),
            will is null ? null : MqttTopic.EncodeName(will.Topic),
            will?.Payload ?? default,
            will?.QualityOfService ?? MqttQualityOfService.AtMostOnce,
            will?.Retain ?? false,
            (byte)_options.ProtocolVersion,
            _options.ProtocolVersion == MqttProtocolVersion.V500
                ? MqttProperties.Encode(Seconds(MqttProperties.SessionExpiry, _options.SessionExpiryInterval), null)
                : null,
            _options.ProtocolVersion == MqttProtocolVersion.V500 && will is not null
                ? MqttProperties.Encode(
                    Seconds(MqttProperties.WillDelay, _options.WillDelayInterval).Concat(Seconds(MqttProperties.MessageExpiry, will.MessageExpiryInterval)),
                    will.UserProperties)
                : null));

    private static IEnumerable<(byte, uint)> Seconds(byte id, TimeSpan? value) =>
        value is { } v ? [(id, (uint)Math.Min(uint.MaxValue, Math.Ceiling(v.TotalSeconds)))] : [];

    private async Task TearDownAsync(MqttConnection connection, CloseReason reason)
    {
        lock (_gate)
        {
            if (_connection == connection) _connection = null;
        }
        FailPending(connection, reason.Reason);
        await connection.Transport.DisposeAsync();
        if (reason.Clean) MqttLog.DisconnectedCleanly(_logger, _options.Host, _options.Port);
        else MqttLog.ConnectionLost(_logger, _options.Host, _options.Port, reason.Reason, reason.Fault);
        if (DisconnectedHandler is { } handler)
        {
            try
            {
                await handler(new MqttDisconnectedEventArgs(reason.Reason, reason.Fault, reason.Clean));
            }
            catch (Exception ex)
            {
                MqttLog.HandlerFailed(_logger, "disconnected", ex);
            }
        }
    }

    /// <summary>
    /// Every wait on this connection ends with <see cref="MqttConnectionLostException"/> and its window slots are
    /// freed, except, with a durable session, the QoS 1 publishes: they stay for the next connection
    /// (see <see cref="ResumeSessionLocked"/>).
    /// </summary>
    private void FailPending(MqttConnection connection, string reason)
    {
        List<PendingAck> failed = [];
        lock (_gate)
        {
            var keep = KeepsSessionLocked();
            foreach (var (id, pending) in _pending.ToList())
            {
                if (pending.Connection != connection) continue;
                if (keep && pending.Sent is not null) continue;
                _pending.Remove(id);
                if (pending.HoldsInflightSlot) _inflightCount--;
                failed.Add(pending);
            }
            if (!keep)
            {
                var kept = _waiting.Where(w => w.Connection != connection).ToList();
                failed.AddRange(_waiting.Where(w => w.Connection == connection));
                _waiting.Clear();
                foreach (var w in kept) _waiting.Enqueue(w);
            }
        }
        foreach (var pending in failed)
        {
            pending.Fail(new MqttConnectionLostException(
                $"MQTT connection to {_options.Host}:{_options.Port} ended before the acknowledgement ({reason})"));
        }
    }
}
