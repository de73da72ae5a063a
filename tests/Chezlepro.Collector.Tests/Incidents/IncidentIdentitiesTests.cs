using Chezlepro.Collector.Incidents;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Incidents;

public class IncidentIdentitiesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 14, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddDays(1);
    private static readonly Dictionary<string, DateTimeOffset> NoAcks = [];

    [Fact]
    public void Assign_NewIncident_KeepsItsDerivedIdAndIsStored()
    {
        var (incidents, changed) = IncidentIdentities.Assign([Derived("mail", T0, T0.AddHours(1))], [], NoAcks, Now);

        Assert.Equal("mail-20261014T140000Z", Assert.Single(incidents).Id);
        Assert.Equal(new IncidentSpan("mail-20261014T140000Z", "mail", T0, T0.AddHours(1)), Assert.Single(changed));
    }

    [Fact]
    public void Assign_LateDataMovesTheStart_SameIdAndAcknowledgement()
    {
        var known = new IncidentSpan("mail-20261014T140000Z", "mail", T0, null);
        var acks = new Dictionary<string, DateTimeOffset> { [known.Id] = T0.AddMinutes(10) };
        // A replayed critical result shows the service was down 40 minutes earlier.
        var moved = Derived("mail", T0.AddMinutes(-40), null);

        var (incidents, changed) = IncidentIdentities.Assign([moved], [known], acks, Now);

        var i = Assert.Single(incidents);
        Assert.Equal(known.Id, i.Id);
        Assert.Equal(T0.AddMinutes(-40), i.StartedAt);
        Assert.Equal(T0.AddMinutes(10), i.AcknowledgedAt);
        Assert.Equal("acknowledged", i.Status);
        Assert.Equal(new IncidentSpan(known.Id, "mail", T0.AddMinutes(-40), null), Assert.Single(changed));
    }

    [Fact]
    public void Assign_Unchanged_StoresNothing()
    {
        var known = new IncidentSpan("mail-20261014T140000Z", "mail", T0, T0.AddHours(1));

        var (_, changed) = IncidentIdentities.Assign([Derived("mail", T0, T0.AddHours(1))], [known], NoAcks, Now);

        Assert.Empty(changed);
    }

    [Fact]
    public void Assign_IncidentCutByTheLookBack_KeepsItsStoredStart()
    {
        var known = new IncidentSpan("mail-20261014T140000Z", "mail", T0, null);
        var windowStart = T0.AddHours(6);

        // A shorter look-back (e.g. /metrics' 35 days) sees the same open incident from the window's start.
        var (incidents, changed) = IncidentIdentities.Assign([Derived("mail", windowStart, null)], [known], NoAcks, Now, windowStart);

        Assert.Equal(known.Id, Assert.Single(incidents).Id);
        Assert.Empty(changed);
    }

    [Fact]
    public void Assign_TwoIncidentsJoinedByLateData_EarliestIdAndFirstAcknowledgement()
    {
        var a = new IncidentSpan("mail-a", "mail", T0, T0.AddHours(1));
        var b = new IncidentSpan("mail-b", "mail", T0.AddHours(2), T0.AddHours(3));
        var acks = new Dictionary<string, DateTimeOffset> { ["mail-b"] = T0.AddHours(2.1) };

        var (incidents, _) = IncidentIdentities.Assign([Derived("mail", T0, T0.AddHours(3))], [a, b], acks, Now);

        var i = Assert.Single(incidents);
        Assert.Equal("mail-a", i.Id);
        Assert.Equal(T0.AddHours(2.1), i.AcknowledgedAt);
    }

    [Fact]
    public void Assign_IncidentSplitByLateData_FirstPartKeepsTheId_SecondIsNew()
    {
        var a = new IncidentSpan("mail-a", "mail", T0, T0.AddHours(3));

        var (incidents, _) = IncidentIdentities.Assign(
            [Derived("mail", T0, T0.AddHours(1)), Derived("mail", T0.AddHours(2), T0.AddHours(3))], [a], NoAcks, Now);

        Assert.Equal(["mail-20261014T160000Z", "mail-a"], incidents.Select(i => i.Id));
    }

    [Fact]
    public void Assign_NewIncidentWhereAVanishedOneStarted_NeverReusesItsId()
    {
        var vanished = new IncidentSpan("mail-20261014T140000Z", "mail", T0.AddDays(-3), T0.AddDays(-3).AddHours(1));
        var acks = new Dictionary<string, DateTimeOffset> { [vanished.Id] = T0.AddDays(-3) };

        var (incidents, _) = IncidentIdentities.Assign([Derived("mail", T0, null)], [vanished], acks, Now);

        var i = Assert.Single(incidents);
        Assert.Equal("mail-20261014T140000Z-2", i.Id);
        Assert.Null(i.AcknowledgedAt);
    }

    [Fact]
    public void Assign_OtherService_NeverMatched()
    {
        var known = new IncidentSpan("wiki-x", "wiki", T0, null);

        var (incidents, _) = IncidentIdentities.Assign([Derived("mail", T0, null)], [known], NoAcks, Now);

        Assert.Equal("mail-20261014T140000Z", Assert.Single(incidents).Id);
    }

    private static Incident Derived(string service, DateTimeOffset start, DateTimeOffset? restored) => new()
    {
        Id = service + "-" + start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ServiceId = service,
        Priority = Priority.P1,
        StartedAt = start,
        DetectedAt = start.AddMinutes(1),
        RestoredAt = restored,
        AcknowledgeDueAt = start.AddMinutes(31),
        RestoreDueAt = start.AddHours(4),
        AcknowledgeBreached = false,
        RestoreBreached = false,
    };
}
