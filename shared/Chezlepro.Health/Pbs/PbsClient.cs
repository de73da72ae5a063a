using Chezlepro.Health.Http;
using Chezlepro.Health.Pbs.Replies;

namespace Chezlepro.Health.Pbs;

/// <summary>Typed calls to the Proxmox Backup Server API (reference §2.2), all GET, all read-only.</summary>
internal sealed class PbsClient(ApiHttpClient http)
{
    public ApiHttpClient Http => http;

    public Task<List<PbsDatastoreUsage>> DatastoreUsageAsync(CancellationToken ct) => GetAsync<List<PbsDatastoreUsage>>("status/datastore-usage", ct);

    public Task<List<PbsGcStatus>> GcJobsAsync(CancellationToken ct) => GetAsync<List<PbsGcStatus>>("admin/gc", ct);

    public Task<List<PbsNamespace>> NamespacesAsync(string store, CancellationToken ct) =>
        GetAsync<List<PbsNamespace>>($"admin/datastore/{Uri.EscapeDataString(store)}/namespace?max-depth=7", ct);

    public Task<List<PbsSnapshot>> SnapshotsAsync(string store, string ns, CancellationToken ct) =>
        GetAsync<List<PbsSnapshot>>($"admin/datastore/{Uri.EscapeDataString(store)}/snapshots" + (ns.Length == 0 ? "" : "?ns=" + Uri.EscapeDataString(ns)), ct);

    public Task<List<PbsTask>> FailedTasksAsync(long since, CancellationToken ct) =>
        GetAsync<List<PbsTask>>($"nodes/localhost/tasks?errors=1&limit=0&since={since}", ct);

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        var data = await http.GetDataAsync(path, ct).ConfigureAwait(false);
        return TolerantJson.Read<T>(data, "/" + path.Split('?')[0]);
    }
}
