using Chezlepro.Agent.Sources.Host;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Host;

public sealed class ProcParserTests
{
    [Fact]
    public void ParseLoadAverage_Golden() =>
        Assert.Equal((0.52, 0.58, 1.59), ProcParser.ParseLoadAverage("0.52 0.58 1.59 1/467 12345\n"));

    [Theory]
    [InlineData("")]
    [InlineData("0.52 0.58")]
    [InlineData("a b c d")]
    public void ParseLoadAverage_Bad_FormatException(string text) =>
        Assert.Throws<FormatException>(() => ProcParser.ParseLoadAverage(text));

    [Fact]
    public void ParseUptime_Golden() => Assert.Equal(350735.47, ProcParser.ParseUptime("350735.47 234388.90\n"));

    [Fact]
    public void ParseMemInfo_MemAvailable_BytesFromKilobytes()
    {
        const string text = "MemTotal:       16333656 kB\nMemFree:          512000 kB\nMemAvailable:    8000000 kB\nBuffers: 1 kB\n";
        Assert.Equal((16333656L * 1024, 8000000L * 1024), ProcParser.ParseMemInfo(text));
    }

    [Fact]
    public void ParseMemInfo_OldKernelWithoutMemAvailable_FreeBuffersCached()
    {
        const string text = "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 20 kB\nCached: 30 kB\n";
        Assert.Equal((1000L * 1024, 150L * 1024), ProcParser.ParseMemInfo(text));
    }

    [Fact]
    public void ParseMemInfo_NoTotal_FormatException() =>
        Assert.Throws<FormatException>(() => ProcParser.ParseMemInfo("garbage\n\u0000\u0001"));

    [Fact]
    public void ParseMounts_RealFileSystemsOnce_EscapesDecoded()
    {
        const string text = """
            sysfs /sys sysfs rw 0 0
            proc /proc proc rw 0 0
            /dev/sda1 / ext4 rw 0 0
            tmpfs /run tmpfs rw 0 0
            /dev/sdb1 /var/lib/vz xfs rw 0 0
            /dev/sdb1 /mnt/bind xfs rw 0 0
            /dev/sdc1 /mnt/with\040space ext4 rw 0 0
            overlay /var/lib/docker/overlay2/x/merged overlay rw 0 0
            /dev/sdd1 /boot/efi vfat rw 0 0
            short
            """;
        Assert.Equal(["/", "/var/lib/vz", "/mnt/with space", "/boot/efi"], ProcParser.ParseMounts(text));
    }

    [Theory]
    [InlineData("/", "root")]
    [InlineData("/var/lib/vz", "var-lib-vz")]
    [InlineData("/mnt/with space", "mnt-with-space")]
    public void MountMetricName_MetricSafe(string mount, string expected) => Assert.Equal(expected, ProcParser.MountMetricName(mount));

    [Fact]
    public async Task HostSource_FixtureProc_ProducesContractMetrics()
    {
        var dir = Directory.CreateTempSubdirectory("proc-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "loadavg"), "1.00 2.00 3.00 1/1 1\n");
            await File.WriteAllTextAsync(Path.Combine(dir, "meminfo"), "MemTotal: 1000 kB\nMemAvailable: 250 kB\n");
            await File.WriteAllTextAsync(Path.Combine(dir, "uptime"), "100.6 1.0\n");
            await File.WriteAllTextAsync(Path.Combine(dir, "mounts"), "/dev/sda1 / ext4 rw 0 0\n");
            var reading = await new HostSource("host", dir).ReadAsync(default);
            var values = reading.Samples.ToDictionary(s => s.Metric, s => s.Value);
            Assert.Equal(2.0, values["host.load5"]);
            Assert.Equal(75.0, values["host.memory.used"]);
            Assert.Equal(101, values["host.uptime"]);
            Assert.True(values["host.disk.root.total"] > 0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
