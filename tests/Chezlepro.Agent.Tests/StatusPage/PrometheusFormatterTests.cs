using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.StatusPage;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Agent.Tests.StatusPage;

public class PrometheusFormatterTests
{
    private static StatusSnapshot Snapshot(IReadOnlyList<Sample> metrics, IReadOnlyList<SourceSnapshot>? sources = null) =>
        new("lanaudiere", "pve1", FakeStatus.Now, FakeStatus.Now.AddHours(-1), true, 3, FakeStatus.Now, 10,
            new OutboxStats(0, 0, null, 11, 0), sources ?? [], metrics, [], [], null, "1.2.3");

    [Theory]
    [InlineData("battery.soc", "chezlepro_battery_soc")]
    [InlineData("battery.pack.2.cell.min", "chezlepro_battery_pack_2_cell_min")]
    [InlineData("host.disk./var/lib.free", "chezlepro_host_disk__var_lib_free")]
    [InlineData("température ext", "chezlepro_temp_rature_ext")]
    [InlineData("outbox.depth", "chezlepro_sample_outbox_depth")]
    [InlineData("ceph.pgs.activeClean", "chezlepro_ceph_pgs_active_clean")]
    [InlineData("host.disk.C.free", "chezlepro_host_disk_C_free")]
    [InlineData("probe.web.certificate.daysLeft", "chezlepro_probe_web_certificate_seconds_left")]
    [InlineData("backup.age.days", "chezlepro_backup_age_seconds")]
    [InlineData("host.memory.total", "chezlepro_host_memory_total_value")]
    [InlineData("subtotal", "chezlepro_subtotal")]
    public void MetricName_AnyMetric_PrometheusSafe(string metric, string expected) =>
        Assert.Equal(expected, PrometheusFormatter.MetricName(metric));

    [Fact]
    public void Format_OutboxDepthSample_DoesNotCollideWithOwnFamily()
    {
        var text = PrometheusFormatter.Format(Snapshot([new Sample("outbox.depth", 99)]));

        Assert.Contains("chezlepro_outbox_depth 0\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_sample_outbox_depth{metric=\"outbox.depth\"} 99\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l == "# TYPE chezlepro_outbox_depth gauge");
    }

    [Fact]
    public void Format_TwoMetricsSameSafeName_OneFamilyTwoSeries()
    {
        var text = PrometheusFormatter.Format(Snapshot([new Sample("a.b", 1), new Sample("a_b", 2)]));

        Assert.Single(text.Split('\n'), l => l == "# TYPE chezlepro_a_b gauge");
        Assert.Contains("chezlepro_a_b{metric=\"a.b\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_a_b{metric=\"a_b\"} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_MetricInDays_GaugeInSeconds()
    {
        var text = PrometheusFormatter.Format(Snapshot([new Sample("probe.web.certificate.daysLeft", 13, "d"), new Sample("probe.web.latency", 12.5, "ms")]));

        Assert.Contains("chezlepro_probe_web_certificate_seconds_left{metric=\"probe.web.certificate.daysLeft\",unit=\"s\"} 1123200\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_probe_web_latency{metric=\"probe.web.latency\",unit=\"ms\"} 12.5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AwkwardValuesAndLabels_Escaped()
    {
        var sources = new[] { new SourceSnapshot("we\"ird\\name\n", "host", 1, 0, 0, null, 12.5, null) };
        var text = PrometheusFormatter.Format(Snapshot([new Sample("x", double.NaN), new Sample("y", double.PositiveInfinity, "°C")], sources));

        Assert.Contains("chezlepro_x{metric=\"x\"} NaN\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_y{metric=\"y\",unit=\"°C\"} +Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("source=\"we\\\"ird\\\\name\\n\"", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_source_last_duration_seconds{source=\"we\\\"ird\\\\name\\n\"} 0.0125\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_EveryLine_IsCommentOrSample()
    {
        var text = PrometheusFormatter.Format(Snapshot([new Sample("battery.soc", 87.5, "%")]));

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.All(text.TrimEnd('\n').Split('\n'), line =>
            Assert.Matches("^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+|[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*\\})? \\S+)$", line));
        Assert.Contains("chezlepro_agent_info{site=\"lanaudiere\",node=\"pve1\",version=\"1.2.3\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_last_publish_timestamp_seconds 1795270200\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AcknowledgedDelivery_NamedFamiliesWithValues()
    {
        var snapshot = Snapshot([new Sample("delivery.watermark", 5)]) with
        {
            Outbox = new OutboxStats(2, 900, FakeStatus.Now, 120, 7, Unacknowledged: 42, OldestUnacknowledgedAt: FakeStatus.Now.AddMinutes(-3), Watermark: 77, GapsNotices: 2, SeqAdoptions: 1),
            OutboxOldestUnacknowledgedAgeSeconds = 180,
            OutboxResends = 13,
        };

        var text = PrometheusFormatter.Format(snapshot);

        Assert.Contains("# TYPE chezlepro_outbox_unacknowledged gauge\nchezlepro_outbox_unacknowledged 42\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE chezlepro_outbox_oldest_unacknowledged_age_seconds gauge\nchezlepro_outbox_oldest_unacknowledged_age_seconds 180\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE chezlepro_delivery_watermark gauge\nchezlepro_delivery_watermark 77\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE chezlepro_outbox_resends_total counter\nchezlepro_outbox_resends_total 13\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE chezlepro_outbox_gaps_notices_total counter\nchezlepro_outbox_gaps_notices_total 2\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE chezlepro_outbox_seq_adoptions_total counter\nchezlepro_outbox_seq_adoptions_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_sample_delivery_watermark{metric=\"delivery.watermark\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("chezlepro_outbox_depth 2\n", text, StringComparison.Ordinal);
    }
}
