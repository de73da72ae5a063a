using Chezlepro.Health.Proxmox;

namespace Chezlepro.Agent.Sources.Proxmox;

/// <summary>Reads a Proxmox VE cluster: <c>proxmox.quorum</c>, <c>proxmox.node.&lt;name&gt;</c>, <c>proxmox.ha</c>, telemetry.</summary>
internal sealed class ProxmoxSource(string name, PveHealthReader reader, HealthReadingConverter converter) : ISource, IDisposable
{
    public string Name => name;

    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken) =>
        converter.Convert(await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

    public void Dispose() => reader.Dispose();
}
