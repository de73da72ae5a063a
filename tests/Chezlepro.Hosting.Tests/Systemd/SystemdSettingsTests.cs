using Chezlepro.Hosting.Systemd;
using Xunit;

namespace Chezlepro.Hosting.Tests.Systemd;

public class SystemdSettingsTests
{
    private static SystemdSettings Parse(int pid, params (string Key, string Value)[] env) =>
        SystemdSettings.Parse(k => env.FirstOrDefault(e => e.Key == k).Value, pid);

    [Fact]
    public void Parse_NoWatchdogUsec_NoWatchdog() =>
        Assert.Null(Parse(10, ("NOTIFY_SOCKET", "/run/systemd/notify")).WatchdogInterval);

    [Fact]
    public void Parse_WatchdogWithoutPid_ForUs() =>
        Assert.Equal(TimeSpan.FromSeconds(20), Parse(10, ("NOTIFY_SOCKET", "/run/systemd/notify"), ("WATCHDOG_USEC", "20000000")).WatchdogInterval);

    [Fact]
    public void Parse_WatchdogPidMatches_ForUs() =>
        Assert.Equal(TimeSpan.FromSeconds(3), Parse(10, ("NOTIFY_SOCKET", "@n"), ("WATCHDOG_USEC", "3000000"), ("WATCHDOG_PID", "10")).WatchdogInterval);

    [Theory]
    [InlineData("11")]
    [InlineData("-10")]
    [InlineData("ten")]
    public void Parse_WatchdogPidOtherOrGarbage_NoWatchdog(string pid) =>
        Assert.Null(Parse(10, ("NOTIFY_SOCKET", "@n"), ("WATCHDOG_USEC", "3000000"), ("WATCHDOG_PID", pid)).WatchdogInterval);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1e6")]
    [InlineData("")]
    [InlineData("99999999999999999999999")]
    public void Parse_BadWatchdogUsec_NoWatchdog(string usec) =>
        Assert.Null(Parse(10, ("NOTIFY_SOCKET", "/run/systemd/notify"), ("WATCHDOG_USEC", usec)).WatchdogInterval);
}
