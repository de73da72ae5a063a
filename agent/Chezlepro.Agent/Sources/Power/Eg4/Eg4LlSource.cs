using Chezlepro.Agent.Alerts;
using Chezlepro.Contracts.Messages;
using Chezlepro.Devices.Eg4;
using Chezlepro.Modbus;

namespace Chezlepro.Agent.Sources.Power.Eg4;

/// <summary>
/// Reads every EG4-LL pack once per poll and publishes bank and per-pack values. Packs that fail are named in a
/// per-pack health item; the poll fails (health unknown, and <c>device-unreachable</c> after N) only when no pack answers.
/// </summary>
public sealed class Eg4LlSource : ISource, IAsyncDisposable, IAlertLatchHolder
{
    private readonly ModbusMaster _master;
    private readonly Eg4LlClient _client;
    private readonly bool _ignoreLowCapacity;
    private readonly PowerSourceState _state;

    /// <summary>Creates the source. No I/O.</summary>
    /// <param name="name">Source name.</param>
    /// <param name="master">Master (owned).</param>
    /// <param name="client">Driver.</param>
    /// <param name="ignoreLowCapacityProtection">Quirk, see <see cref="Eg4LlSourceOptions.IgnoreLowCapacityProtection"/>.</param>
    /// <param name="state">Derived values and alerts.</param>
    public Eg4LlSource(string name, ModbusMaster master, Eg4LlClient client, bool ignoreLowCapacityProtection, PowerSourceState state)
    {
        Name = name;
        _master = master;
        _client = client;
        _ignoreLowCapacity = ignoreLowCapacityProtection;
        _state = state;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (packs, failures) = await _client.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (packs.Count == 0)
            {
                return _state.Failure(failures.Values.FirstOrDefault() ?? new InvalidOperationException("no pack configured"));
            }
            var reading = _state.Success(Eg4Decoder.Aggregate(packs, _ignoreLowCapacity));
            foreach (var (unit, error) in failures)
            {
                reading.Health.Add(PowerSourceState.Health($"{_state.Check}.pack.{unit}", HealthStatus.Unknown, PowerSourceState.Describe(error)));
            }
            return reading;
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
