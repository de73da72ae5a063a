using System.Text.Json;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Rpo;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc;

/// <summary>Incident and RPO alerts through the real publisher and book, on a fake clock, one round every 30 s.</summary>
public sealed class ServiceLevelAlertRulesTests
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly IncidentPolicy _policy = new();
    private readonly BusinessCalendar _calendar = BusinessCalendar.Toronto([]);
    private readonly List<NocAlert> _published = [];
    private readonly NocServiceLevelAlerts _alerts;

    public ServiceLevelAlertRulesTests()
    {
        var client = Substitute.For<IMqttClient>();
        client.PublishAsync(default!, default).ReturnsForAnyArgs(ci =>
        {
            _published.Add(JsonSerializer.Deserialize(ci.Arg<MqttApplicationMessage>().Payload.Span, ContractJsonContext.Default.NocAlert)!);
            return Task.CompletedTask;
        });
        _alerts = new NocServiceLevelAlerts(new NocPublisher(client, new TopicScheme(), _time, NullLogger<NocPublisher>.Instance));
    }

    private static readonly ServiceDefinition Mail = new() { Id = "mail", Name = "Courriel", Category = "critical" };

    /// <summary>The real tracker over "down from T0 (until restoredAt)", as the collector derives it each round.</summary>
    private Incident P1(DateTimeOffset now, DateTimeOffset? ackAt = null, DateTimeOffset? upAt = null)
    {
        var segments = new List<StateSegment> { new(T0 - TimeSpan.FromHours(1), T0, ServiceState.Up) };
        var downUntil = upAt is { } u && u < now ? u : now;
        segments.Add(new StateSegment(T0, downUntil, ServiceState.Down));
        if (downUntil < now) segments.Add(new StateSegment(downUntil, now, ServiceState.Up));
        var acks = new Dictionary<string, DateTimeOffset>();
        if (ackAt is { } a && a <= now) acks["mail-20261121T140000Z"] = a;
        return Assert.Single(new IncidentTracker(_policy, _calendar).Derive(Mail, segments, acks, now));
    }

    private async Task RunAsync(TimeSpan duration, Func<DateTimeOffset, IReadOnlyList<Incident>> incidents, Func<DateTimeOffset, IReadOnlyList<GuestRpo>>? rpo = null)
    {
        for (var t = TimeSpan.Zero; t <= duration; t += Round)
        {
            var now = _time.GetUtcNow();
            await _alerts.OfferAsync(now >= T0 + _policy.Debounce ? incidents(now) : [], rpo?.Invoke(now) ?? [], _policy, _calendar, now, default);
            _time.Advance(Round);
        }
    }

    private List<(TimeSpan After, AlertState State)> Timeline(string id) =>
        _published.Where(a => a.Id == id).Select(a => (a.Ts - T0, a.State)).ToList();

    private static (TimeSpan, AlertState) Raised(double minutes) => (TimeSpan.FromMinutes(minutes), AlertState.Raised);

    private static (TimeSpan, AlertState) Cleared(double minutes) => (TimeSpan.FromMinutes(minutes), AlertState.Cleared);

    [Fact]
    public async Task Offer_OpenP1AckedAt41Min_AckDueAt80PercentThenOverdueThenCleared()
    {
        // Detected at T0 + 1 min (debounce); ack due at +31; 80 % of 30 min = 24 min after detection: +25.
        var ackAt = T0 + TimeSpan.FromMinutes(41);
        await RunAsync(TimeSpan.FromMinutes(90), now => [P1(now, ackAt)]);
        Assert.Equal([Raised(25), Cleared(31)], Timeline("incident-ack-due:mail-20261121T140000Z"));
        Assert.Equal([Raised(31), Cleared(41)], Timeline("incident-ack-overdue:mail-20261121T140000Z"));
        var due = _published.First(a => a.Id == "incident-ack-due:mail-20261121T140000Z");
        Assert.Equal(Priority.P1, due.Priority);
        Assert.Contains("accusé de réception dû avant 2026-11-21 09:31 (Toronto)", due.Summary, StringComparison.Ordinal);
        Assert.Contains("acknowledgement due by 2026-11-21 09:31 (Toronto)", due.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_OpenP1_ClientNoticeFromDetectionFor30MinAndHourlyUpdateReminders()
    {
        await RunAsync(TimeSpan.FromMinutes(150), now => [P1(now)]);
        Assert.Equal([Raised(1), Cleared(31)], Timeline("client-notice-due:mail-20261121T140000Z"));
        // Updates due at +61 and +121 (hourly after detection); each reminder opens at 80 % of the hour (12 min before).
        Assert.Equal([Raised(49), Cleared(61), Raised(109), Cleared(121)], Timeline("incident-update-due:mail-20261121T140000Z"));
        var reminders = _published.Where(a => a.Id == "incident-update-due:mail-20261121T140000Z" && a.State == AlertState.Raised).ToList();
        Assert.Contains("2026-11-21 10:01", reminders[0].Summary, StringComparison.Ordinal);
        Assert.Contains("2026-11-21 11:01", reminders[1].SummaryEn, StringComparison.Ordinal);
        // Never acknowledged: overdue raised once at +31 and held.
        Assert.Equal([Raised(31)], Timeline("incident-ack-overdue:mail-20261121T140000Z"));
    }

    [Fact]
    public async Task Offer_P1RestoredDuringUpdateReminder_EverythingClearedAndNothingRaisedAgain()
    {
        var upAt = T0 + TimeSpan.FromMinutes(50);
        await RunAsync(TimeSpan.FromMinutes(180), now => [P1(now, upAt: upAt)]);
        // Restored once up for the 60 s restore debounce: +51.
        Assert.Equal([Raised(49), Cleared(51)], Timeline("incident-update-due:mail-20261121T140000Z"));
        Assert.Equal([Raised(31), Cleared(51)], Timeline("incident-ack-overdue:mail-20261121T140000Z"));
        Assert.DoesNotContain(_published, a => a.Ts > T0 + TimeSpan.FromMinutes(51));
    }

    [Fact]
    public async Task Offer_IncidentLeavesTheLookBack_ClearedOnce()
    {
        await RunAsync(TimeSpan.FromMinutes(40), now => now < T0 + TimeSpan.FromMinutes(35) ? [P1(now)] : []);
        Assert.Equal([Raised(31), Cleared(35)], Timeline("incident-ack-overdue:mail-20261121T140000Z"));
        Assert.Contains("situation plus observée", _published.Last(a => a.Id == "incident-ack-overdue:mail-20261121T140000Z").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_RpoBreachedThenMet_RaisedOnceThenClearedOnce()
    {
        GuestRpo Guest(DateTimeOffset now)
        {
            // Last good backup at T0 - 50 min; a new one lands at T0 + 30 min. Target 1 h (critical).
            var last = now >= T0 + TimeSpan.FromMinutes(30) ? T0 + TimeSpan.FromMinutes(30) : T0 - TimeSpan.FromMinutes(50);
            var age = now - last;
            return new GuestRpo
            {
                GuestId = "vm-101", ServiceId = "mail", Category = "critical", Target = TimeSpan.FromHours(1), LastGoodBackupAt = last, Age = age,
                Status = age < TimeSpan.FromHours(1) ? RpoStatus.Met : RpoStatus.Breached, Breaches = [],
            };
        }
        await RunAsync(TimeSpan.FromMinutes(60), _ => [], now => [Guest(now)]);
        Assert.Equal([Raised(10), Cleared(30)], Timeline("rpo:vm-101"));
        var raised = _published.First(a => a.Id == "rpo:vm-101");
        Assert.Equal(Priority.P2, raised.Priority);
        Assert.Contains("dernière sauvegarde valide 2026-11-21 08:10 (Toronto), cible 1 h", raised.Summary, StringComparison.Ordinal);
        Assert.Contains("RPO breached for vm-101", raised.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_GuestWithoutAnyBackup_RaisedAsNoEvidence()
    {
        var g = new GuestRpo { GuestId = "vm-202", ServiceId = "wiki", Category = "important", Target = TimeSpan.FromHours(4), Status = RpoStatus.NoData, Breaches = [] };
        var a = Assert.Single(ServiceLevelAlertRules.Derive([], [g], _policy, _calendar, T0));
        Assert.Equal(AlertState.Raised, a.State);
        Assert.Equal(Priority.P3, a.Priority);
        Assert.Contains("aucune sauvegarde valide", a.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningPoint_P2DetectedFridayAt16Toronto_80PercentOfBusinessTimeOnMonday()
    {
        // Friday 2026-11-20 16:00 EST = 21:00Z; 2 business hours: 1 h on Friday, due Monday 10:00; 80 % = 1 h 36 min: Monday 09:36.
        var detected = new DateTimeOffset(2026, 11, 20, 21, 0, 0, TimeSpan.Zero);
        var incident = new Incident
        {
            Id = "wiki-x", ServiceId = "wiki", Priority = Priority.P2, StartedAt = detected, DetectedAt = detected,
            AcknowledgeDueAt = _calendar.AddBusinessTime(detected, TimeSpan.FromHours(2)), RestoreDueAt = detected, AcknowledgeBreached = false, RestoreBreached = false,
        };
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 36, 0, TimeSpan.Zero), ServiceLevelAlertRules.WarningPoint(incident, _policy.P2, _calendar));
        var saturday = new DateTimeOffset(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(AlertState.Cleared, ServiceLevelAlertRules.Derive([incident], [], _policy, _calendar, saturday).Single(a => a.Id == "incident-ack-due:wiki-x").State);
        var monday = new DateTimeOffset(2026, 11, 23, 14, 40, 0, TimeSpan.Zero);
        Assert.Equal(AlertState.Raised, ServiceLevelAlertRules.Derive([incident], [], _policy, _calendar, monday).Single(a => a.Id == "incident-ack-due:wiki-x").State);
    }
}
