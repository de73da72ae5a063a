using Chezlepro.Agent.Alerts;
using Chezlepro.Devices.VeBus;

namespace Chezlepro.Agent.Sources.Power.VeBus;

/// <summary>Reads a VE.Bus device through an MK3-USB once per poll; a failed poll returns health <c>unknown</c>.</summary>
public sealed class VeBusMk3Source : ISource, IAsyncDisposable, IAlertLatchHolder
{
    private readonly Mk2Client _client;
    private readonly PowerSourceState _state;

    /// <summary>Creates the source. No I/O.</summary>
    /// <param name="name">Source name.</param>
    /// <param name="client">Driver (owned).</param>
    /// <param name="state">Derived values and alerts.</param>
    public VeBusMk3Source(string name, Mk2Client client, PowerSourceState state)
    {
        Name = name;
        _client = client;
        _state = state;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _state.Success((await _client.ReadAsync(cancellationToken).ConfigureAwait(false)).ToSnapshot());
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            return _state.Failure(e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    /// <inheritdoc />
    public void RestoreLatches(IEnumerable<string> alertIds) => _state.Rules.Restore(alertIds);
}
