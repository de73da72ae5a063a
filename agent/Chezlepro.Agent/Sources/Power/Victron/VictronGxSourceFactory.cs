using Chezlepro.Agent.Alerts;
using Chezlepro.Devices.Victron;
using Chezlepro.Modbus;
using Chezlepro.Modbus.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Power.Victron;

/// <summary>Creates <c>victron-gx</c> sources: a Victron GX read over Modbus TCP.</summary>
public sealed class VictronGxSourceFactory : SourceFactory<VictronGxSourceOptions>
{
    /// <inheritdoc />
    public override string Type => "victron-gx";

    internal override VictronGxSourceOptions Parse(SourceKeys keys)
    {
        var (definition, errors) = (keys.Definition, keys.Errors);
        var o = PowerSourceOptions.Bind<VictronGxSourceOptions>(definition, errors);
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            errors.Add($"{definition.Key("Host")}: '{o.Host}' is required (the GX address)");
        }
        if (o.Port is < 1 or > 65535)
        {
            errors.Add($"{definition.Key("Port")}: '{o.Port}' must be between 1 and 65535");
        }
        foreach (var (key, value, optional) in new[] { ("SystemUnitId", o.SystemUnitId, false), ("VebusUnitId", o.VebusUnitId, true), ("BatteryUnitId", o.BatteryUnitId, true) })
        {
            if (value is < 0 or > 255 || (value == 0 && !optional))
            {
                errors.Add($"{definition.Key(key)}: '{value}' must be a unit id between {(optional ? 0 : 1)} and 255");
            }
        }
        errors.AddRange(o.Master.Validate(definition.Key("")));
        errors.AddRange(o.ValidateCommon(definition));
        return o;
    }

    internal override ISource Build(SourceDefinition definition, VictronGxSourceOptions o, IServiceProvider services)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var master = new ModbusMaster(new ModbusTcpTransport(o.Host, o.Port, loggers.CreateLogger<ModbusTcpTransport>()), o.Master, time, loggers.CreateLogger<ModbusMaster>());
        var units = new VictronGxUnits((byte)o.SystemUnitId, o.VebusUnitId == 0 ? null : (byte)o.VebusUnitId, o.BatteryUnitId == 0 ? null : (byte)o.BatteryUnitId);
        var logger = loggers.CreateLogger<VictronGxSource>();
        return new VictronGxSource(definition.Name, master, new VictronGxClient(master, units, logger), PowerSourceState.Create(definition.Name, o, time, logger, services.GetService<Actions.LocalActions>()));
    }
}
