using Chezlepro.Contracts.Identity;
using Xunit;

namespace Chezlepro.Contracts.Tests.Identity;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("lanaudiere")]
    [InlineData("st-bruno")]
    [InlineData("pve1")]
    [InlineData("0")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void IsValidId_ContractCharset_True(string id) => Assert.True(Identifiers.IsValidId(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-site")]
    [InlineData("Site")]
    [InlineData("site+")]
    [InlineData("site#")]
    [InlineData("$SYS")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("a\u0001b")]
    [InlineData("café")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void IsValidId_WildcardsControlsOrTooLong_False(string? id) => Assert.False(Identifiers.IsValidId(id));

    [Theory]
    [InlineData("pbs.backup.vm-101")]
    [InlineData("proxmox.node.pve1")]
    public void IsValidName_AllowsDots(string name) => Assert.True(Identifiers.IsValidName(name));

    [Fact]
    public void RequireId_Invalid_MessageNamesKeyAndHidesControlCharacters()
    {
        var ex = Assert.Throws<ArgumentException>(() => Identifiers.RequireId("bad\nsite", "Agent:Site"));
        Assert.Contains("Agent:Site", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad?site", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message.Split(':')[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PVE-Node_01", "pve-node-01")]
    [InlineData("__x__", "x")]
    [InlineData("###", "x")]
    public void Normalize_FreeFormLabel_ValidFragment(string label, string expected)
    {
        Assert.Equal(expected, Identifiers.Normalize(label));
        Assert.True(Identifiers.IsValidName(Identifiers.Normalize(label)));
    }
}
