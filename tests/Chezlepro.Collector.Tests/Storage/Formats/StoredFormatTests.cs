using Chezlepro.Collector.Storage.Formats;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage.Formats;

public sealed class StoredFormatTests
{
    [Fact]
    public void ReadEvidence_NewerVersion_RefusedWithTheVersion()
    {
        var ex = Assert.Throws<InvalidDataException>(() => StoredFormat.ReadEvidence("""{"version":2,"trigger":"primary-unreachable","facts":[]}"""));
        Assert.Contains("version 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteEvidence_ThenRead_SameEvidence()
    {
        var evidence = new StoredFailoverEvidenceV1
        {
            Trigger = "primary-on-battery", ConditionSince = new DateTimeOffset(2026, 11, 21, 14, 4, 0, TimeSpan.Zero), PrimaryOnBattery = true,
            PrimaryRuntimeSeconds = 900, Facts = ["a", "b"],
        };
        var back = StoredFormat.ReadEvidence(StoredFormat.WriteEvidence(evidence));
        Assert.Equal(evidence with { Facts = back.Facts }, back);
        Assert.Equal(["a", "b"], back.Facts);
    }
}
