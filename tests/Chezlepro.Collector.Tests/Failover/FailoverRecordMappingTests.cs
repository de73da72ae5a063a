using System.Text.Json;
using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Failover;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Failover;

public sealed class FailoverRecordMappingTests
{
    [Fact]
    public void ToStored_ThenToRecord_EveryEvidenceFieldKept()
    {
        var record = new FailoverRecord(
            new FailoverDecision { Group = "public-web", Active = "st-bruno", Previous = "lanaudiere", Epoch = 3, Mode = "automatic", Reason = FailoverReasons.PlannedBattery,
                DecidedAt = new DateTimeOffset(2026, 11, 21, 14, 5, 0, TimeSpan.Zero) },
            new FailoverEvidence(FailoverReasons.PlannedBattery, new DateTimeOffset(2026, 11, 21, 14, 4, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 14, 5, 0, TimeSpan.Zero),
                true, true, true, 600, true, true, new DateTimeOffset(2026, 11, 21, 13, 0, 0, TimeSpan.Zero), ["lanaudiere/pve1 on battery"]));

        var back = record.ToStored().ToRecord();

        // Compared as the API writes them, so a field the mapping forgot shows up.
        Assert.Equal(JsonSerializer.Serialize(record, FailoverJsonContext.Default.FailoverRecord), JsonSerializer.Serialize(back, FailoverJsonContext.Default.FailoverRecord));
    }
}
