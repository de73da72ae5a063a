using System.Diagnostics;
using System.Globalization;
using Chezlepro.Testing.Processes;
using Xunit;

namespace Chezlepro.Integration.Tests.Processes;

/// <summary>The group bench's CPU budget per collector: the process is in its own group with the quota, and leaves it clean.</summary>
[Trait("Category", "Integration")]
public sealed class CpuQuotaTests
{
    [Fact]
    public void Quota_PutsTheProcessInAGroupWithThatBudget_DisposeRemovesTheGroup()
    {
        using var busy = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            using (var quota = CpuQuota.TryCreate(busy.Id, 0.25, out var why))
            {
                // Without a writable cpu controller (not root, a read-only cgroup mount) the bench refuses with this reason.
                if (quota is null)
                {
                    Assert.Contains("cgroup", why);
                    return;
                }
                Assert.Contains(busy.Id.ToString(CultureInfo.InvariantCulture), File.ReadAllLines(Path.Combine(quota.Group, "cgroup.procs")));
                var limit = File.Exists(Path.Combine(quota.Group, "cpu.cfs_quota_us"))
                    ? File.ReadAllText(Path.Combine(quota.Group, "cpu.cfs_quota_us")).Trim()
                    : File.ReadAllText(Path.Combine(quota.Group, "cpu.max")).Split(' ')[0];
                Assert.Equal("25000", limit);
                Assert.Equal(0, quota.ThrottledSeconds(), 1);
                Assert.True(Directory.Exists(quota.Group));
                var group = quota.Group;
                quota.Dispose();
                Assert.False(Directory.Exists(group));
                Assert.DoesNotContain($"/{Path.GetFileName(group)}", File.ReadAllText($"/proc/{busy.Id}/cgroup"));
            }
        }
        finally
        {
            busy.Kill();
        }
    }
}
