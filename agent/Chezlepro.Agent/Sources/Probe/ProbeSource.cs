using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Health.Probes;

namespace Chezlepro.Agent.Sources.Probe;

/// <summary>Probes one service: the <c>probe.&lt;name&gt;</c> check, latency and certificate days as telemetry.</summary>
internal sealed class ProbeSource(string name, ServiceProbe probe, HealthReadingConverter converter) : ISource, IDisposable
{
    public string Name => name;

    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken) =>
        converter.Convert(await probe.ProbeAsync(cancellationToken).ConfigureAwait(false));

    public void Dispose() => probe.Dispose();
}
