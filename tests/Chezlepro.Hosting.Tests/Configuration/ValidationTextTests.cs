using Chezlepro.Hosting.Configuration;
using Xunit;

namespace Chezlepro.Hosting.Tests.Configuration;

public sealed class ValidationTextTests
{
    [Theory]
    [InlineData("Mqtt:Port = 70000: must be 1-65535.", "doit être entre 1 et 65535.", "Mqtt:Port = 70000: must be 1-65535 / doit être entre 1 et 65535.")]
    [InlineData("Actions:0:Hold: '-1' must be between 00:00:00 and 1.00:00:00", "doit être entre 00:00:00 et 1.00:00:00",
        "Actions:0:Hold: '-1' must be between 00:00:00 and 1.00:00:00 / doit être entre 00:00:00 et 1.00:00:00")]
    public void Of_EnglishUnchangedFirst_WithoutItsFinalPeriod_ThenTheFrenchReason(string en, string fr, string expected) =>
        Assert.Equal(expected, ValidationText.Of(en, fr));
}
