using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Health.Pbs;

namespace Chezlepro.Agent.Sources.Pbs;

/// <summary>Reads a Proxmox Backup Server: <c>pbs.datastore.&lt;store&gt;</c>, <c>pbs.backup.&lt;type&gt;-&lt;id&gt;</c>, telemetry.</summary>
internal sealed class PbsSource(string name, PbsHealthReader reader, HealthReadingConverter converter) : ISource, IDisposable
{
    public string Name => name;

    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken) =>
        converter.Convert(await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

    public void Dispose() => reader.Dispose();
}
