using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Hosting.Systemd;

/// <summary>
/// Our rule on top of the library's <see cref="SystemdLifetime"/> (which sends <c>READY=1</c> and <c>STOPPING=1</c>):
/// <c>WATCHDOG=1</c> at half the <c>WatchdogSec=</c> interval (sd_watchdog_enabled(3) recommends pinging at half) only
/// while <see cref="IServiceLiveness"/> reports every loop turning, so systemd restarts a service whose own work is
/// wedged while its process looks alive, and <c>STATUS=</c> lines for <c>systemctl status</c>. The library sends no
/// watchdog pings; everything goes through its <see cref="ISystemdNotifier"/>.
/// </summary>
public sealed class SystemdWatchdog : BackgroundService
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(30);
    private readonly ISystemdNotifier _notifier;
    private readonly SystemdSettings _settings;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly IServiceLiveness _liveness;
    private readonly TimeProvider _time;
    private readonly ILogger<SystemdWatchdog> _logger;
    private string? _wedged;
    private PeriodicTimer? _timer;
    private long _lastStatus;

    /// <summary>Creates the service.</summary>
    /// <param name="notifier">The library's notifier (disabled without <c>NOTIFY_SOCKET</c>).</param>
    /// <param name="settings">The watchdog interval systemd gave this process.</param>
    /// <param name="lifetime">Host lifetime, for the status lines at start and stop.</param>
    /// <param name="liveness">The service's own loops.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public SystemdWatchdog(ISystemdNotifier notifier, SystemdSettings settings, IHostApplicationLifetime lifetime, IServiceLiveness liveness,
        TimeProvider time, ILogger<SystemdWatchdog> logger)
    {
        _notifier = notifier;
        _settings = settings;
        _lifetime = lifetime;
        _liveness = liveness;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_notifier.IsEnabled) return Task.CompletedTask;
        SystemdLog.Enabled(_logger, _settings.WatchdogInterval);
        _lifetime.ApplicationStarted.Register(() => Send("STATUS=" + Status()));
        _lifetime.ApplicationStopping.Register(() => Send("STATUS=stopping"));
        // Created here, not in ExecuteAsync (which .NET 10 starts on the thread pool), so the first period
        // counts from start.
        _timer = new PeriodicTimer(_settings.WatchdogInterval is { } w ? w / 2 : StatusInterval, _time);
        _lastStatus = _time.GetTimestamp();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = _timer!;
        var lastStatus = _lastStatus;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var sendStatus = _time.GetElapsedTime(lastStatus) >= StatusInterval;
                if (_settings.WatchdogInterval is { } interval)
                {
                    sendStatus |= Check(interval);
                    if (_wedged is null) Send(sendStatus ? "WATCHDOG=1\nSTATUS=" + Status() : "WATCHDOG=1");
                    else if (sendStatus) Send("STATUS=" + Status());
                }
                else if (sendStatus)
                {
                    Send("STATUS=" + Status());
                }
                if (sendStatus) lastStatus = _time.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Send(string state)
    {
        try
        {
            _notifier.Notify(new ServiceState(state));
        }
        catch (SocketException)
        {
            // systemd gone (or restarting): notifications are advisory, the service keeps running. A missed ping is
            // what the watchdog is for.
        }
    }

    /// <summary>Updates the wedged set; true when it changed.</summary>
    private bool Check(TimeSpan interval)
    {
        var wedged = _liveness.Wedged(_time.GetUtcNow(), interval);
        var now = wedged.Count == 0 ? null : string.Join(", ", wedged);
        if (now == _wedged) return false;
        if (now is null) SystemdLog.Resumed(_logger);
        else SystemdLog.Wedged(_logger, now);
        _wedged = now;
        return true;
    }

    private string Status() => _wedged is null ? _liveness.Status() : $"wedged: {_wedged}; {_liveness.Status()}";
}
