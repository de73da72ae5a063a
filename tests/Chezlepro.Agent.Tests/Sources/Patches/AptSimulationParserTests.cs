using System.Text;
using Chezlepro.Agent.Sources.Patches;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Patches;

public sealed class AptSimulationParserTests
{
    [Fact]
    public void Parse_Bookworm_CountsEveryInstAndTheSecurityOnes()
    {
        var s = AptSimulationParser.Parse(AptFixtures.Bookworm);

        Assert.Equal(6, s.Pending);
        Assert.Equal(4, s.Security);
        Assert.Equal(["libssl3", "openssl", "linux-image-6.1.0-28-amd64", "linux-image-amd64"], s.SecurityPackages);
    }

    [Fact]
    public void Parse_UpToDate_Zero() => Assert.Equal((0, 0), (AptSimulationParser.Parse(AptFixtures.UpToDate).Pending, AptSimulationParser.Parse(AptFixtures.UpToDate).Security));

    [Fact]
    public void Parse_NobleWithBrokenMarkerAndKeptBack_OneSecurity()
    {
        var s = AptSimulationParser.Parse(AptFixtures.Noble);

        Assert.Equal((2, 1), (s.Pending, s.Security));
        Assert.Equal(["libcurl4t64"], s.SecurityPackages);
    }

    [Fact]
    public void Parse_CrLfLineEnds_SameResult() =>
        Assert.Equal(6, AptSimulationParser.Parse(AptFixtures.Bookworm.Replace("\n", "\r\n", StringComparison.Ordinal)).Pending);

    [Fact]
    public void Parse_Huge_AllCountedNamesCappedAt50()
    {
        const int count = 20_000;
        var text = new StringBuilder($"{count} upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
        for (var i = 0; i < count; i++)
            text.Append("Inst pkg").Append(i).Append(" [1.0] (1.1 Debian-Security:12/stable-security [amd64])\n");

        var s = AptSimulationParser.Parse(text.ToString());

        Assert.Equal((count, count), (s.Pending, s.Security));
        Assert.Equal(AptSimulationParser.MaxPackages, s.SecurityPackages.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)\n")]
    [InlineData("\u0000\u0001\u00ff garbage \n binary")]
    [InlineData("Reading package lists...\nBuilding dependency tree...\n")]
    public void Parse_NoSummary_FormatException(string text) => Assert.Throws<FormatException>(() => AptSimulationParser.Parse(text));

    [Fact]
    public void Parse_CutAfterTheSecondInst_FormatException()
    {
        var cut = AptFixtures.Bookworm[..(AptFixtures.Bookworm.IndexOf("Inst openssl", StringComparison.Ordinal) - 1)];

        var error = Assert.Throws<FormatException>(() => AptSimulationParser.Parse(cut));

        Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnreadableInstLine_FormatException() =>
        Assert.Throws<FormatException>(() => AptSimulationParser.Parse("1 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\nInst \n"));
}
