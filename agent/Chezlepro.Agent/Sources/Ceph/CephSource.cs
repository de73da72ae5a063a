using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Health.Ceph;

namespace Chezlepro.Agent.Sources.Ceph;

/// <summary>Reads Ceph status (through PVE or the ceph CLI): the <c>ceph</c> check and telemetry.</summary>
internal sealed class CephSource(string name, CephHealthReader reader, HealthReadingConverter converter, IDisposable? owned) : ISource, IDisposable
{
    public string Name => name;

    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken) =>
        converter.Convert(await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

    public void Dispose() => owned?.Dispose();
}
