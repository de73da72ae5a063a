using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Failover;
using Chezlepro.Testing;
using Xunit;

namespace Chezlepro.Collector.Tests.Failover;

public sealed class FailoverEngineTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();

    private static FailoverGroupDefinition Group(string mode = "automatic", string failback = "manual") => new()
    {
        Id = "public-web", Primary = "lanaudiere", Secondary = "st-bruno", Mode = mode, Failback = failback,
        Hold = TimeSpan.FromSeconds(60), LeadTime = TimeSpan.FromMinutes(30), FailbackHold = TimeSpan.FromMinutes(30),
    };

    private static FailoverEngine Engine(FailoverGroupDefinition? g = null, long epoch = 0) => new(g ?? Group(), TimeSpan.FromSeconds(30), epoch);

    private FailoverObservation Obs(bool primary = true, bool critical = false, bool secondary = true, bool witness = true,
        bool onBattery = false, TimeSpan? runtime = null) =>
        new(_time.GetUtcNow(), primary, critical, secondary, witness, onBattery, runtime);

    /// <summary>Feeds the same condition every tick for <paramref name="duration"/>; returns every decision.</summary>
    private List<FailoverRecord> Run(FailoverEngine engine, TimeSpan duration, Func<FailoverObservation> make, List<FailoverStep>? steps = null)
    {
        var decisions = new List<FailoverRecord>();
        for (var t = TimeSpan.Zero; t <= duration; t += Tick)
        {
            var step = engine.Observe(make());
            steps?.Add(step);
            if (step.Decision is { } d) decisions.Add(d);
            _time.Advance(Tick);
        }
        return decisions;
    }

    [Fact]
    public void Observe_PrimaryUnreachableForHold_OneDecisionToSecondary()
    {
        var engine = Engine(epoch: 6);
        Run(engine, TimeSpan.FromSeconds(30), () => Obs());
        var start = _time.GetUtcNow();
        var decisions = Run(engine, TimeSpan.FromMinutes(5), () => Obs(primary: false));

        var d = Assert.Single(decisions);
        Assert.Equal("st-bruno", d.Decision.Active);
        Assert.Equal("lanaudiere", d.Decision.Previous);
        Assert.Equal(7, d.Decision.Epoch);
        Assert.Equal("automatic", d.Decision.Mode);
        Assert.Equal(FailoverReasons.PrimaryUnreachable, d.Decision.Reason);
        Assert.Equal(start + TimeSpan.FromSeconds(60), d.Decision.DecidedAt);
        Assert.Equal(start, d.Evidence.ConditionSince);
        Assert.False(d.Evidence.PrimaryReachable);
        Assert.True(d.Evidence.SecondaryHealthy);
        Assert.True(d.Evidence.WitnessHolds);
        Assert.Equal(FailoverState.FailedOver, engine.State);
        Assert.Equal("st-bruno", engine.Active);
    }

    [Fact]
    public void Observe_TriggerShorterThanHold_NoDecision()
    {
        var engine = Engine();
        Assert.Empty(Run(engine, TimeSpan.FromSeconds(55), () => Obs(primary: false)));
        Assert.Equal(FailoverState.Suspect, engine.State);
        Assert.Empty(Run(engine, TimeSpan.FromSeconds(5), () => Obs()));
        Assert.Equal(FailoverState.PrimaryActive, engine.State);
        Assert.Empty(Run(engine, TimeSpan.FromSeconds(55), () => Obs(primary: false)));
        Assert.Equal(0, engine.Epoch);
    }

    [Fact]
    public void Observe_PrimaryFlappingEvery20sWith60sHold_NoDecision()
    {
        var engine = Engine();
        var start = _time.GetUtcNow();
        // Offline 20 s, online 20 s, for half an hour.
        var decisions = Run(engine, TimeSpan.FromMinutes(30), () => Obs(primary: ((_time.GetUtcNow() - start).Ticks / TimeSpan.FromSeconds(20).Ticks) % 2 == 1));
        Assert.Empty(decisions);
        Assert.Equal("lanaudiere", engine.Active);
        Assert.Equal(0, engine.Epoch);
    }

    [Fact]
    public void Observe_SecondaryDown_NoDecisionAndSecondaryUnavailableSignalled()
    {
        var engine = Engine();
        var steps = new List<FailoverStep>();
        var decisions = Run(engine, TimeSpan.FromMinutes(5), () => Obs(primary: false, secondary: false), steps);
        Assert.Empty(decisions);
        Assert.False(steps[0].PrimaryDownSecondaryUnavailable);
        Assert.True(steps[^1].PrimaryDownSecondaryUnavailable);
        Assert.Equal(FailoverState.Suspect, engine.State);
    }

    [Fact]
    public void Observe_SecondaryReturnsWhilePrimaryStillDown_DecidesThen()
    {
        var engine = Engine();
        Run(engine, TimeSpan.FromMinutes(2), () => Obs(primary: false, secondary: false));
        var d = Assert.Single(Run(engine, TimeSpan.FromMinutes(1), () => Obs(primary: false)));
        Assert.Equal("st-bruno", d.Decision.Active);
    }

    [Fact]
    public void Observe_IsolatedWitness_NoDecisionEver()
    {
        var engine = Engine();
        // The collector's own view: everyone looks gone, but it is the one that is cut off.
        Assert.Empty(Run(engine, TimeSpan.FromMinutes(30), () => Obs(primary: false, secondary: false, witness: false)));
        Assert.Empty(Run(engine, TimeSpan.FromMinutes(30), () => Obs(primary: false, witness: false)));
        Assert.Equal(FailoverState.PrimaryActive, engine.State);
    }

    [Fact]
    public void Observe_WitnessReturnsWithPrimaryStillDown_RequiresFreshFullHold()
    {
        var engine = Engine();
        Run(engine, TimeSpan.FromSeconds(50), () => Obs(primary: false));
        Run(engine, TimeSpan.FromMinutes(10), () => Obs(primary: false, witness: false));
        var back = _time.GetUtcNow();
        var decisions = Run(engine, TimeSpan.FromMinutes(2), () => Obs(primary: false));
        var d = Assert.Single(decisions);
        Assert.Equal(back + TimeSpan.FromSeconds(60), d.Decision.DecidedAt);
        Assert.Equal(back, d.Evidence.WitnessSince);
    }

    [Fact]
    public void Observe_GapInObservations_RestartsHold()
    {
        var engine = Engine();
        engine.Observe(Obs(primary: false));
        _time.Advance(TimeSpan.FromMinutes(5)); // the collector was paused: nobody watched
        Assert.Null(engine.Observe(Obs(primary: false)).Decision);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(engine.Observe(Obs(primary: false)).Decision);
        _time.Advance(TimeSpan.FromSeconds(25));
        Assert.Null(engine.Observe(Obs(primary: false)).Decision);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.NotNull(engine.Observe(Obs(primary: false)).Decision);
    }

    [Fact]
    public void Observe_OutOfOrderObservation_Ignored()
    {
        var engine = Engine();
        var early = Obs(primary: false);
        _time.Advance(TimeSpan.FromSeconds(10));
        engine.Observe(Obs());
        Assert.Same(FailoverStep.None, engine.Observe(early));
        Assert.Equal(FailoverState.PrimaryActive, engine.State);
    }

    [Fact]
    public void Observe_PrimaryCheckCritical_DecidesWithCriticalReason()
    {
        var engine = Engine();
        var d = Assert.Single(Run(engine, TimeSpan.FromMinutes(2), () => Obs(critical: true)));
        Assert.Equal(FailoverReasons.PrimaryCritical, d.Decision.Reason);
        Assert.True(d.Evidence.PrimaryChecksCritical);
    }

    [Fact]
    public void Observe_RuntimeFallsUnderLeadTime_OnePlannedDecisionBeforeEmpty()
    {
        var engine = Engine();
        // Grid lost with 40 min of battery, draining in real time; the batteries are empty at start + 40 min.
        var start = _time.GetUtcNow();
        var empty = start + TimeSpan.FromMinutes(40);
        var decisions = Run(engine, TimeSpan.FromMinutes(39), () => Obs(onBattery: true, runtime: empty - _time.GetUtcNow()));
        var d = Assert.Single(decisions);
        Assert.Equal(FailoverReasons.PlannedBattery, d.Decision.Reason);
        Assert.True(d.Decision.DecidedAt < empty);
        Assert.Equal(start + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(60), d.Decision.DecidedAt);
        Assert.True(d.Evidence.PrimaryOnBattery);
        Assert.True(d.Evidence.PrimaryRuntimeSeconds < 30 * 60);
    }

    [Fact]
    public void Observe_OnBatteryWithRuntimeAboveLeadTime_NoDecision()
    {
        var engine = Engine();
        Assert.Empty(Run(engine, TimeSpan.FromMinutes(20), () => Obs(onBattery: true, runtime: TimeSpan.FromHours(2))));
        Assert.Empty(Run(engine, TimeSpan.FromMinutes(20), () => Obs(onBattery: false, runtime: TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void Observe_ManualFailbackGroup_StaysOnSecondaryUntilOperator()
    {
        var engine = Engine();
        Run(engine, TimeSpan.FromMinutes(2), () => Obs(primary: false));
        Assert.Empty(Run(engine, TimeSpan.FromHours(3), () => Obs()));
        Assert.Equal(FailoverState.FailbackPending, engine.State);
        Assert.Equal("st-bruno", engine.Active);

        var back = engine.Failback(_time.GetUtcNow(), "Alice Tremblay");
        Assert.Contains("failback requested by Alice Tremblay", back.Evidence.Facts);
        Assert.Equal("lanaudiere", back.Decision.Active);
        Assert.Equal("st-bruno", back.Decision.Previous);
        Assert.Equal(FailoverReasons.Failback, back.Decision.Reason);
        Assert.Equal(FailoverModes.Operator, back.Decision.Mode);
        Assert.Equal(2, back.Decision.Epoch);
        Assert.Equal(FailoverState.PrimaryActive, engine.State);
        Assert.Throws<InvalidOperationException>(() => engine.Failback(_time.GetUtcNow()));
    }

    [Fact]
    public void Observe_AutomaticFailbackGroup_ReturnsOnlyAfterFailbackHold()
    {
        var engine = Engine(Group(failback: "automatic"));
        Run(engine, TimeSpan.FromMinutes(2), () => Obs(primary: false));
        // Healthy 29 min, one bad observation, then healthy again: the hold restarts.
        Assert.Empty(Run(engine, TimeSpan.FromMinutes(29), () => Obs()));
        Assert.Empty(Run(engine, TimeSpan.Zero, () => Obs(critical: true)));
        var healthyFrom = _time.GetUtcNow();
        var d = Assert.Single(Run(engine, TimeSpan.FromMinutes(31), () => Obs()));
        Assert.Equal(healthyFrom + TimeSpan.FromMinutes(30), d.Decision.DecidedAt);
        Assert.Equal("lanaudiere", d.Decision.Active);
        Assert.Equal(FailoverReasons.Failback, d.Decision.Reason);
        Assert.Equal(FailoverModes.Automatic, d.Decision.Mode);
        Assert.Equal(FailoverState.PrimaryActive, engine.State);
    }

    [Fact]
    public void Observe_FailbackHoldNeedsGridBack_OnBatteryIsNotHealthy()
    {
        var engine = Engine(Group(failback: "automatic"));
        Run(engine, TimeSpan.FromMinutes(2), () => Obs(primary: false));
        Assert.Empty(Run(engine, TimeSpan.FromHours(1), () => Obs(onBattery: true, runtime: TimeSpan.FromHours(3))));
        Assert.Equal(FailoverState.FailedOver, engine.State);
    }

    [Fact]
    public void Observe_AdvisoryGroup_PublishesAdvisoryAndWaitsForConfirmation()
    {
        var engine = Engine(Group(mode: "advisory"));
        var d = Assert.Single(Run(engine, TimeSpan.FromMinutes(10), () => Obs(primary: false)));
        Assert.Equal(FailoverModes.Advisory, d.Decision.Mode);
        Assert.Equal(1, d.Decision.Epoch);
        Assert.Equal(FailoverState.AwaitingConfirmation, engine.State);
        Assert.Equal("lanaudiere", engine.Active);

        var confirmed = engine.Confirm(_time.GetUtcNow(), "Alice Tremblay");
        Assert.Contains("confirmed by Alice Tremblay; advisory epoch 1", confirmed.Evidence.Facts);
        Assert.Equal(2, confirmed.Decision.Epoch);
        Assert.Equal(FailoverModes.Operator, confirmed.Decision.Mode);
        Assert.Equal("st-bruno", confirmed.Decision.Active);
        Assert.Equal(FailoverReasons.PrimaryUnreachable, confirmed.Decision.Reason);
        Assert.Equal(FailoverState.FailedOver, engine.State);
        Assert.Throws<InvalidOperationException>(() => engine.Confirm(_time.GetUtcNow()));
    }

    [Fact]
    public void Observe_AdvisoryConditionClears_LapsesAndCannotBeConfirmed()
    {
        var engine = Engine(Group(mode: "advisory"));
        Run(engine, TimeSpan.FromMinutes(2), () => Obs(primary: false));
        var step = engine.Observe(Obs());
        Assert.NotNull(step.Lapsed);
        Assert.Equal(FailoverState.PrimaryActive, engine.State);
        Assert.Throws<InvalidOperationException>(() => engine.Confirm(_time.GetUtcNow()));
        Assert.Equal(1, engine.Epoch);
    }

    [Fact]
    public void Confirm_WithoutPending_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Engine().Confirm(_time.GetUtcNow()));
    }

    [Fact]
    public void Observe_RepeatedOutages_EpochStrictlyIncreasesOneDecisionPerCondition()
    {
        var engine = Engine(Group(failback: "automatic"), epoch: 41);
        var all = new List<FailoverRecord>();
        for (var i = 0; i < 3; i++)
        {
            all.AddRange(Run(engine, TimeSpan.FromMinutes(10), () => Obs(primary: false)));
            all.AddRange(Run(engine, TimeSpan.FromMinutes(40), () => Obs()));
        }
        Assert.Equal(6, all.Count);
        Assert.Equal(Enumerable.Range(42, 6).Select(e => (long)e), all.Select(d => d.Decision.Epoch));
        Assert.Equal(["st-bruno", "lanaudiere", "st-bruno", "lanaudiere", "st-bruno", "lanaudiere"], all.Select(d => d.Decision.Active));
    }

    [Fact]
    public void Constructor_ResumesOnSecondaryFromAudit_DoesNotRedecide()
    {
        var g = Group();
        var first = Engine(g);
        var d = Assert.Single(Run(first, TimeSpan.FromMinutes(2), () => Obs(primary: false)));
        var resumed = new FailoverEngine(g, TimeSpan.FromSeconds(30), d.Decision.Epoch, d);
        Assert.Equal(FailoverState.FailedOver, resumed.State);
        Assert.Equal("st-bruno", resumed.Active);
        Assert.Empty(Run(resumed, TimeSpan.FromMinutes(10), () => Obs(primary: false)));
        Assert.Equal(2, resumed.Failback(_time.GetUtcNow()).Decision.Epoch);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FailoverEngine(Group(), TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FailoverEngine(Group(), TimeSpan.FromSeconds(1), -1));
    }
}
