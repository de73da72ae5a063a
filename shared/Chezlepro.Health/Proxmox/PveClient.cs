using Chezlepro.Health.Http;
using Chezlepro.Health.Proxmox.Replies;

namespace Chezlepro.Health.Proxmox;

/// <summary>Typed calls to the Proxmox VE API (reference §1.2), all GET, all read-only.</summary>
internal sealed class PveClient(ApiHttpClient http)
{
    public ApiHttpClient Http => http;

    public Task<List<PveClusterStatusEntry>> ClusterStatusAsync(CancellationToken ct) => GetAsync<List<PveClusterStatusEntry>>("cluster/status", ct);

    public Task<List<PveResource>> ResourcesAsync(CancellationToken ct) => GetAsync<List<PveResource>>("cluster/resources", ct);

    public Task<List<PveHaStatusEntry>> HaStatusAsync(CancellationToken ct) => GetAsync<List<PveHaStatusEntry>>("cluster/ha/status/current", ct);

    public Task<PveNodeStatus> NodeStatusAsync(string node, CancellationToken ct) => GetAsync<PveNodeStatus>($"nodes/{Uri.EscapeDataString(node)}/status", ct);

    public Task<List<PveReplicationJob>> ReplicationAsync(string node, CancellationToken ct) =>
        GetAsync<List<PveReplicationJob>>($"nodes/{Uri.EscapeDataString(node)}/replication", ct);

    public Task<List<PveAptUpdate>> UpdatesAsync(string node, CancellationToken ct) =>
        GetAsync<List<PveAptUpdate>>($"nodes/{Uri.EscapeDataString(node)}/apt/update", ct);

    public Task<System.Text.Json.JsonElement> CephStatusAsync(CancellationToken ct) => http.GetDataAsync("cluster/ceph/status", ct);

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        var data = await http.GetDataAsync(path, ct).ConfigureAwait(false);
        return TolerantJson.Read<T>(data, "/" + path);
    }
}
