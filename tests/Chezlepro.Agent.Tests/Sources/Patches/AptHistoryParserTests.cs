using Chezlepro.Agent.Sources.Patches;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Patches;

public sealed class AptHistoryParserTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    [Fact]
    public void LastPatch_LastInstallOrUpgradeRun_EndDateInUtc() =>
        // 06:26:03 EST (UTC-5); the later autoremove run installed nothing.
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 11, 26, 3, TimeSpan.Zero), AptHistoryParser.LastPatch(AptFixtures.History, Toronto));

    [Fact]
    public void LastPatch_SummerDate_DaylightOffset() =>
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 5, TimeSpan.Zero),
            AptHistoryParser.LastPatch("Start-Date: 2026-07-01  06:00:00\nUpgrade: a:amd64 (1, 2)\nEnd-Date: 2026-07-01  06:00:05\n", Toronto));

    [Fact]
    public void LastPatch_RunWithoutEndDate_Skipped() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 11, 2, 40, TimeSpan.Zero),
            AptHistoryParser.LastPatch(AptFixtures.History[..AptFixtures.History.IndexOf("End-Date: 2026-11-20", StringComparison.Ordinal)], Toronto));

    [Theory]
    [InlineData("")]
    [InlineData("\u0000\u0001 garbage\nEnd-Date: yesterday\n")]
    [InlineData("Start-Date: 2026-11-20  06:25:11\nUpgrade: a:amd64 (1, 2)\nEnd-Date: 2026-13-45  99:00:00\n")]
    [InlineData("Start-Date: 2026-11-20  06:25:11\nRemove: a:amd64 (1)\nEnd-Date: 2026-11-20  06:25:15\n")]
    public void LastPatch_NoUsableRun_Null(string text) => Assert.Null(AptHistoryParser.LastPatch(text, Toronto));
}
