using Chezlepro.Collector.Maintenance;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Maintenance;

public class MaintenanceScheduleTests
{
    private static readonly HashSet<string> Known = ["mail", "wiki"];
    private static readonly DateTimeOffset Now = T("2026-04-10T12:00:00Z");

    private static MaintenanceRequest Request(int startHours = 24, int lengthHours = 2, string reason = "Mise à jour", params string[] services) =>
        new(Now.AddHours(startHours), Now.AddHours(startHours + lengthHours), services.Length == 0 ? ["mail"] : services, reason);

    [Fact]
    public void Create_AnnouncedAhead_Succeeds()
    {
        var s = new MaintenanceSchedule([], Known);
        var r = s.Create("w1", Request(), Now);
        Assert.True(r.Succeeded);
        Assert.Equal(Now, r.Window!.CreatedAt);
        Assert.Equal(MaintenancePhase.Announced, r.Window.PhaseAt(Now));
        Assert.Single(s.All);
    }

    [Fact]
    public void Create_EndBeforeStart_ReportsEndWithValue()
    {
        var r = new MaintenanceSchedule([], Known).Create("w1", new MaintenanceRequest(Now.AddHours(5), Now.AddHours(4), ["mail"], "x"), Now);
        Assert.False(r.Succeeded);
        var p = Assert.Single(r.Problems);
        Assert.Equal("end", p.Key);
        Assert.Equal("2026-04-10T16:00:00.000Z", p.Value);
    }

    [Fact]
    public void Create_UnknownServiceAndNoReason_ReportsBoth()
    {
        var r = new MaintenanceSchedule([], Known).Create("w1", Request(reason: " ", services: ["mail", "nope"]), Now);
        Assert.Contains(r.Problems, p => p.Key == "services[1]" && p.Value == "nope");
        Assert.Contains(r.Problems, p => p.Key == "reason");
    }

    [Fact]
    public void Create_WhollyInThePast_IsRefused() =>
        Assert.Contains(new MaintenanceSchedule([], Known).Create("w1", Request(startHours: -5), Now).Problems, p => p.Key == "end");

    [Fact]
    public void Create_LongerThanAWeek_IsRefused() =>
        Assert.False(new MaintenanceSchedule([], Known).Create("w1", Request(lengthHours: 24 * 8), Now).Succeeded);

    [Fact]
    public void Create_DuplicateId_IsRefused()
    {
        var s = new MaintenanceSchedule([], Known);
        s.Create("w1", Request(), Now);
        Assert.Equal("id", Assert.Single(s.Create("w1", Request(), Now).Problems).Key);
    }

    [Fact]
    public void Rewrite_BeforeStart_ReplacesAndRestampsTheAnnouncement()
    {
        var s = new MaintenanceSchedule([], Known);
        s.Create("w1", Request(), Now);
        var r = s.Rewrite("w1", Request(startHours: 48), Now.AddHours(1));
        Assert.True(r.Succeeded);
        Assert.Equal(Now.AddHours(48), r.Window!.Start);
        Assert.Equal(Now.AddHours(1), r.Window.CreatedAt);
    }

    [Fact]
    public void Rewrite_AfterStart_IsRefused()
    {
        var s = new MaintenanceSchedule([], Known);
        s.Create("w1", Request(startHours: 1), Now);
        var r = s.Rewrite("w1", Request(startHours: 1, lengthHours: 10), Now.AddHours(1.5));
        Assert.False(r.Succeeded);
        Assert.Contains("only be ended early", r.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal(Now.AddHours(3), s.All[0].End);
    }

    [Fact]
    public void EndEarly_InProgress_SetsTheEarlyEnd()
    {
        var s = new MaintenanceSchedule([], Known);
        s.Create("w1", Request(startHours: 1, lengthHours: 4), Now);
        var r = s.EndEarly("w1", Now.AddHours(2));
        Assert.True(r.Succeeded);
        Assert.Equal(Now.AddHours(2), r.Window!.EffectiveEnd);
        Assert.Equal(MaintenancePhase.Ended, r.Window.PhaseAt(Now.AddHours(2)));
    }

    [Fact]
    public void EndEarly_NotStartedOrOver_IsRefused()
    {
        var s = new MaintenanceSchedule([], Known);
        s.Create("w1", Request(startHours: 1, lengthHours: 1), Now);
        Assert.False(s.EndEarly("w1", Now).Succeeded);
        Assert.False(s.EndEarly("w1", Now.AddHours(3)).Succeeded);
        Assert.False(s.EndEarly("nope", Now).Succeeded);
    }

    [Fact]
    public void Overlapping_Range_ReturnsOnlyWindowsTouchingIt()
    {
        var s = new MaintenanceSchedule([], Known);
        s.Create("a", Request(startHours: 1), Now);
        s.Create("b", Request(startHours: 100), Now);
        Assert.Equal("a", Assert.Single(s.Overlapping(Now, Now.AddHours(10))).Id);
    }
}
