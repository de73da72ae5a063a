using Chezlepro.Agent.Alerts;
using Chezlepro.Devices.Victron;
using Chezlepro.Hosting.Configuration;
using Chezlepro.Modbus;
using Chezlepro.Modbus.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Power.Victron;

/// <summary>Creates <c>victron-gx</c> sources: a Victron GX read over Modbus TCP.</summary>
public sealed class VictronGxSourceFactory : PowerSourceFactory<VictronGxSourceOptions>
{
    /// <inheritdoc />
    public override string Type => "victron-gx";

    private protected override VictronGxSourceOptions? Get(IConfiguration section) => section.Get<VictronGxSourceOptions>();

    private protected override void Validate(VictronGxSourceOptions o, SourceDefinition definition, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            errors.Add(ValidationText.Of($"{definition.Key("Host")}: '{o.Host}' is required (the GX address)", "est requis (l’adresse du GX)"));
        }
        CheckPort(o.Port, definition, errors);
        foreach (var (key, value, optional) in new[] { ("SystemUnitId", o.SystemUnitId, false), ("VebusUnitId", o.VebusUnitId, true), ("BatteryUnitId", o.BatteryUnitId, true) })
        {
            if (value is < 0 or > 255 || (value == 0 && !optional))
            {
                errors.Add(ValidationText.Of($"{definition.Key(key)}: '{value}' must be a unit id between {(optional ? 0 : 1)} and 255",
                    $"doit être un identifiant d’unité entre {(optional ? 0 : 1)} et 255"));
            }
        }
        errors.AddRange(o.Master.Validate(definition.Key("")));
    }

    private protected override ISource Build(SourceDefinition definition, VictronGxSourceOptions o, ILoggerFactory loggers, TimeProvider time, Actions.LocalActions? actions)
    {
        var master = new ModbusMaster(new ModbusTcpTransport(o.Host, o.Port, loggers.CreateLogger<ModbusTcpTransport>()), o.Master, time, loggers.CreateLogger<ModbusMaster>());
        var units = new VictronGxUnits((byte)o.SystemUnitId, o.VebusUnitId == 0 ? null : (byte)o.VebusUnitId, o.BatteryUnitId == 0 ? null : (byte)o.BatteryUnitId);
        var logger = loggers.CreateLogger<VictronGxSource>();
        return new VictronGxSource(definition.Name, master, new VictronGxClient(master, units, logger), PowerSourceState.Create(definition.Name, o, time, logger, actions));
    }
}
