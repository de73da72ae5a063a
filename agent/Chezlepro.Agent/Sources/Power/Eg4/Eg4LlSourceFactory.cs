using Chezlepro.Agent.Alerts;
using Chezlepro.Devices.Eg4;
using Chezlepro.Hosting.Configuration;
using Chezlepro.Modbus;
using Chezlepro.Modbus.Serial;
using Chezlepro.Modbus.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Power.Eg4;

/// <summary>Creates <c>eg4-ll</c> sources: EG4-LL packs over RS485 Modbus RTU (serial port or gateway).</summary>
public sealed class Eg4LlSourceFactory : PowerSourceFactory<Eg4LlSourceOptions>
{
    /// <inheritdoc />
    public override string Type => "eg4-ll";

    private protected override Eg4LlSourceOptions? Get(IConfiguration section) => section.Get<Eg4LlSourceOptions>();

    private protected override void Validate(Eg4LlSourceOptions o, SourceDefinition definition, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.SerialPort) == string.IsNullOrWhiteSpace(o.Host))
        {
            errors.Add(ValidationText.Of($"{definition.Key("SerialPort")}: '{o.SerialPort}' / {definition.Key("Host")}: '{o.Host}': give exactly one of them", "donnez exactement l’un des deux"));
        }
        CheckPort(o.Port, definition, errors);
        if (!SerialSettings.SupportedBaudRates.Contains(o.BaudRate))
        {
            errors.Add(ValidationText.Of($"{definition.Key("BaudRate")}: '{o.BaudRate}' must be one of {string.Join(", ", SerialSettings.SupportedBaudRates)}",
                $"doit être l’une des valeurs {string.Join(", ", SerialSettings.SupportedBaudRates)}"));
        }
        if (o.UnitIds.Count == 0)
        {
            errors.Add(ValidationText.Of($"{definition.Key("UnitIds")}: at least one pack address is required", "au moins une adresse de batterie est requise"));
        }
        foreach (var (id, i) in o.UnitIds.Select((id, i) => (id, i)))
        {
            if (id is < 1 or > 247)
            {
                errors.Add(ValidationText.Of($"{definition.Key($"UnitIds:{i}")}: '{id}' must be between 1 and 247 (0 is broadcast-like on EG4 buses)",
                    "doit être entre 1 et 247 (0 agit comme une diffusion sur les bus EG4)"));
            }
        }
        if (o.UnitIds.Distinct().Count() != o.UnitIds.Count)
        {
            errors.Add(ValidationText.Of($"{definition.Key("UnitIds")}: '{string.Join(",", o.UnitIds)}' lists an address twice", "contient une adresse en double"));
        }
        errors.AddRange(o.Master.Validate(definition.Key("")));
    }

    private protected override ISource Build(SourceDefinition definition, Eg4LlSourceOptions o, ILoggerFactory loggers, TimeProvider time, Actions.LocalActions? actions)
    {
        IByteLink link = string.IsNullOrWhiteSpace(o.Host)
            ? SerialPortFactory.Create(new SerialSettings(o.SerialPort!, o.BaudRate, o.Parity))
            : new TcpByteLink(o.Host, o.Port);
        var master = new ModbusMaster(new ModbusRtuTransport(link, o.BaudRate, time, loggers.CreateLogger<ModbusRtuTransport>()), o.Master, time, loggers.CreateLogger<ModbusMaster>());
        var logger = loggers.CreateLogger<Eg4LlSource>();
        return new Eg4LlSource(definition.Name, master, new Eg4LlClient(master, o.UnitIds.Select(u => (byte)u).ToList(), logger),
            o.IgnoreLowCapacityProtection, PowerSourceState.Create(definition.Name, o, time, logger, actions));
    }
}
