using Chezlepro.Contracts.Messages;

namespace Chezlepro.Fleet.Simulation;

/// <summary>
/// When a node polls what, and the seeded randomness of what it finds: power every 10 s, host and the 20 health checks
/// every 30 s (schedule time, divided by the speed), first polls spread over the interval so the fleet does not beat
/// in step; the grid fails now and then (an alert raised, cleared minutes later) and a check degrades now and then.
/// </summary>
internal sealed class NodeSchedule
{
    public static readonly TimeSpan PowerEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan HostEvery = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan HealthEvery = TimeSpan.FromSeconds(30);

    // Once per ~2 h of schedule time per node a grid loss, lasting ~5 min: a 1,000-node fleet raises an alert every ~7 s.
    private const double GridLossPerPoll = 1.0 / 720;
    private const double GridBackPerPoll = 1.0 / 30;
    private const double DegradePerCheck = 1.0 / 2000;
    private const double RecoverPerCheck = 1.0 / 10;

    private readonly TimeSpan _power;
    private readonly TimeSpan _host;
    private readonly TimeSpan _health;
    private readonly HealthStatus[] _status = new HealthStatus[NodePayloads.Checks.Count];
    private DateTimeOffset _nextPower;
    private DateTimeOffset _nextHost;
    private DateTimeOffset _nextHealth;

    public NodeSchedule(Random rng, double speed, DateTimeOffset start)
    {
        Rng = rng;
        _power = PowerEvery / speed;
        _host = HostEvery / speed;
        _health = HealthEvery / speed;
        _nextPower = start + (_power * rng.NextDouble());
        _nextHost = start + (_host * rng.NextDouble());
        _nextHealth = start + (_health * rng.NextDouble());
    }

    public Random Rng { get; }

    public bool GridUp { get; private set; } = true;

    /// <summary>True when a power poll is due (and moves the next one on).</summary>
    public bool PowerDue(DateTimeOffset now) => Due(ref _nextPower, _power, now);

    public bool HostDue(DateTimeOffset now) => Due(ref _nextHost, _host, now);

    public bool HealthDue(DateTimeOffset now) => Due(ref _nextHealth, _health, now);

    /// <summary>After a power poll: null, or the alert state change (true raised, false cleared) it brings.</summary>
    public bool? GridChange()
    {
        var flip = Rng.NextDouble() < (GridUp ? GridLossPerPoll : GridBackPerPoll);
        if (!flip) return null;
        GridUp = !GridUp;
        return !GridUp;
    }

    /// <summary>This poll's status of check <paramref name="index"/>.</summary>
    public HealthStatus CheckStatus(int index)
    {
        var degraded = _status[index] != HealthStatus.Ok;
        if (Rng.NextDouble() < (degraded ? RecoverPerCheck : DegradePerCheck))
            _status[index] = degraded ? HealthStatus.Ok : (Rng.Next(3) == 0 ? HealthStatus.Critical : HealthStatus.Warning);
        return _status[index];
    }

    private static bool Due(ref DateTimeOffset next, TimeSpan every, DateTimeOffset now)
    {
        if (now < next) return false;
        // A late tick (a busy machine) skips the missed polls as the agent's scheduler does, rather than bursting.
        next += every;
        if (next <= now) next = now + every;
        return true;
    }
}
