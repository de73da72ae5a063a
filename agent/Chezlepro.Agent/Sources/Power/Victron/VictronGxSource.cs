using Chezlepro.Agent.Alerts;
using Chezlepro.Devices.Victron;
using Chezlepro.Modbus;

namespace Chezlepro.Agent.Sources.Power.Victron;

/// <summary>Reads a Victron GX once per poll; a failed poll returns health <c>unknown</c> (and, after N, <c>device-unreachable</c>).</summary>
public sealed class VictronGxSource : ISource, IAsyncDisposable, IAlertLatchHolder
{
    private readonly ModbusMaster _master;
    private readonly VictronGxClient _client;
    private readonly PowerSourceState _state;

    /// <summary>Creates the source. No I/O.</summary>
    /// <param name="name">Source name.</param>
    /// <param name="master">Master (owned).</param>
    /// <param name="client">Driver.</param>
    /// <param name="state">Derived values and alerts.</param>
    public VictronGxSource(string name, ModbusMaster master, VictronGxClient client, PowerSourceState state)
    {
        Name = name;
        _master = master;
        _client = client;
        _state = state;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Derived values and alert state.</summary>
    public PowerSourceState State => _state;

    /// <inheritdoc />
    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _state.Success(await _client.ReadAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            return _state.Failure(e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _master.DisposeAsync();

    /// <inheritdoc />
    public void RestoreLatches(IEnumerable<string> alertIds) => _state.Rules.Restore(alertIds);
}
