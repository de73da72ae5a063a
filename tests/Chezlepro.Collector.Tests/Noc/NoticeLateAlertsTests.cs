using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Incidents.Notices;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Tests.Incidents.Notices;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc;

/// <summary>A late notice reaches the NOC stream (every sink) as <c>notice-late:&lt;incident&gt;</c>, once, and is cleared when the notice is sent.</summary>
public sealed class NoticeLateAlertsTests
{
    private static readonly IncidentPolicy Policy = new();
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Toronto([]);

    [Fact]
    public async Task P1FirstNoticeMissed_RaisedOnce_ClearedWhenTheNoticeIsSent()
    {
        var detected = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(detected.AddMinutes(10));
        var sink = new CapturingSink();
        var alerts = new NocServiceLevelAlerts(new NocPublisher([sink], clock));
        var incident = NoticeScheduleTests.Make(Priority.P1, detected);
        var notices = new List<IncidentNotice>();
        var id = "notice-late:" + incident.Id;

        async Task RoundAsync() => await alerts.OfferAsync([NoticeSchedule.Apply(incident, notices, Policy, Calendar, clock.GetUtcNow())], [], Policy,
            Calendar, clock.GetUtcNow(), CancellationToken.None);

        await RoundAsync();
        Assert.DoesNotContain(sink.Sent, a => a.Id == id);

        clock.Advance(TimeSpan.FromMinutes(21));
        await RoundAsync();
        await RoundAsync();
        var raised = Assert.Single(sink.Sent, a => a.Id == id);
        Assert.Equal(AlertState.Raised, raised.State);
        Assert.Equal(Priority.P1, raised.Priority);
        Assert.Contains("first", raised.SummaryEn, StringComparison.Ordinal);
        Assert.Contains("avis au client en retard", raised.Summary, StringComparison.Ordinal);

        notices.Add(new IncidentNotice(1, incident.Id, NoticeTypes.First, "phone", clock.GetUtcNow(), null, "Alice", clock.GetUtcNow()));
        await RoundAsync();
        var mine = sink.Sent.Where(a => a.Id == id).ToList();
        Assert.Equal([AlertState.Raised, AlertState.Cleared], mine.Select(a => a.State));
    }

    [Fact]
    public void ClientNoticeReminder_StopsOnceTheFirstNoticeIsSent_BeforeItsDueTime()
    {
        var detected = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        var now = detected.AddMinutes(15);
        var raw = NoticeScheduleTests.Make(Priority.P1, detected);
        string Reminder(IReadOnlyList<IncidentNotice> notices) => ServiceLevelAlertRules.Derive([NoticeSchedule.Apply(raw, notices, Policy, Calendar, now)], [],
            Policy, Calendar, now).Single(a => a.Id == "client-notice-due:" + raw.Id).State.ToString();
        Assert.Equal(nameof(AlertState.Raised), Reminder([]));
        Assert.Equal(nameof(AlertState.Cleared), Reminder([new IncidentNotice(1, raw.Id, NoticeTypes.First, "email", now, null, "Alice", now)]));
    }

    [Fact]
    public void IncidentThatNeverOwedANotice_NoAlertAtAll()
    {
        var detected = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        var p3 = NoticeSchedule.Apply(NoticeScheduleTests.Make(Priority.P3, detected), [], Policy, Calendar, detected.AddDays(3));
        Assert.Empty(NoticeLateAlertRules.Derive([p3], detected.AddDays(3)));
    }

    private sealed class CapturingSink : INocSink
    {
        private readonly List<NocAlert> _queue = [];

        public string Name => "capture";

        public List<NocAlert> Sent { get; } = [];

        public void Enqueue(NocAlert alert) => _queue.Add(alert);

        public void Drop() => _queue.Clear();

        public Task FlushAsync(CancellationToken cancellationToken)
        {
            Sent.AddRange(_queue);
            _queue.Clear();
            return Task.CompletedTask;
        }
    }
}
