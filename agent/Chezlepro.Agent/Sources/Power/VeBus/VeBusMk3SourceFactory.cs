using Chezlepro.Agent.Alerts;
using Chezlepro.Devices.VeBus;
using Chezlepro.Hosting.Configuration;
using Chezlepro.Modbus.Serial;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Power.VeBus;

/// <summary>Creates <c>vebus-mk3</c> sources: a Quattro/Multi read directly through an MK3-USB (MK2 protocol).</summary>
public sealed class VeBusMk3SourceFactory : PowerSourceFactory<VeBusMk3SourceOptions>
{
    /// <inheritdoc />
    public override string Type => "vebus-mk3";

    private protected override VeBusMk3SourceOptions? Get(IConfiguration section) => section.Get<VeBusMk3SourceOptions>();

    private protected override void Validate(VeBusMk3SourceOptions o, SourceDefinition definition, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.SerialPort))
        {
            errors.Add(ValidationText.Of($"{definition.Key("SerialPort")}: '{o.SerialPort}' is required (the MK3-USB device)", "est requis (le périphérique MK3-USB)"));
        }
        if (o.Phases is < 1 or > 4)
        {
            errors.Add(ValidationText.Of($"{definition.Key("Phases")}: '{o.Phases}' must be between 1 and 4", "doit être entre 1 et 4"));
        }
        if (o.RequestTimeout <= TimeSpan.Zero || o.RequestTimeout > TimeSpan.FromSeconds(30))
        {
            errors.Add(ValidationText.Of($"{definition.Key("RequestTimeout")}: '{o.RequestTimeout}' must be between 0 and 30 s", "doit être entre 0 et 30\u00a0s"));
        }
    }

    private protected override ISource Build(SourceDefinition definition, VeBusMk3SourceOptions o, ILoggerFactory loggers, TimeProvider time, Actions.LocalActions? actions)
    {
        var logger = loggers.CreateLogger<VeBusMk3Source>();
        var client = new Mk2Client(SerialPortFactory.Create(new SerialSettings(o.SerialPort, 2400)), o.Phases, o.RequestTimeout, time, logger);
        return new VeBusMk3Source(definition.Name, client, PowerSourceState.Create(definition.Name, o, time, logger, actions));
    }
}
