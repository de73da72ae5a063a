using Chezlepro.Modbus;
using Chezlepro.Modbus.Pdu;
using Chezlepro.Modbus.Serial;
using Chezlepro.Simulators.Support;

namespace Chezlepro.Simulators.Eg4;

/// <summary>
/// EG4-LL packs on one RS485 bus, answering Modbus RTU (FC 3, registers 0–38) on the device end of a pty.
/// Units not in <see cref="Packs"/> stay silent like absent packs; each pack is scriptable (alarms, dead, bad CRC,
/// exception); <see cref="GarbageBeforeReply"/> adds line noise before every reply.
/// </summary>
public sealed class Eg4LlSimulator : IAsyncDisposable
{
    private readonly LinkResponder _responder;

    private Eg4LlSimulator(IByteLink link, IReadOnlyDictionary<byte, SimulatedEg4Pack> packs)
    {
        Packs = packs;
        _responder = new LinkResponder(link, Frame);
    }

    /// <summary>Packs by unit id.</summary>
    public IReadOnlyDictionary<byte, SimulatedEg4Pack> Packs { get; }

    /// <summary>Sends noise bytes before each reply.</summary>
    public bool GarbageBeforeReply { get; set; }

    /// <summary>Opens <paramref name="devicePath"/> at 9600 8N1 and starts answering.</summary>
    /// <param name="devicePath">Device end of a pty pair.</param>
    /// <param name="unitIds">Pack unit ids.</param>
    public static async Task<Eg4LlSimulator> StartAsync(string devicePath, params byte[] unitIds)
    {
        var port = SerialPortFactory.Create(new SerialSettings(devicePath, 9600));
        await port.OpenAsync(default).ConfigureAwait(false);
        return new Eg4LlSimulator(port, unitIds.ToDictionary(u => u, _ => new SimulatedEg4Pack()));
    }

    private (int, byte[]?) Frame(ReadOnlyMemory<byte> memory)
    {
        var buffer = memory.Span;
        for (var i = 0; i + 8 <= buffer.Length; i++)
        {
            var frame = buffer.Slice(i, 8);
            if (!ModbusCrc.IsValid(frame))
            {
                continue;
            }
            return (i + 8, Reply(frame[0], frame[1..6].ToArray()));
        }
        // Keep at most the last 7 bytes while waiting for a complete request.
        return buffer.Length > 64 ? (buffer.Length - 7, null) : (0, null);
    }

    private byte[]? Reply(byte unit, byte[] pdu)
    {
        if (!Packs.TryGetValue(unit, out var pack) || pack.Dead)
        {
            return null;
        }
        var regs = pack.RuntimeRegisters();
        var reply = pack.ExceptionCode is { } code
            ? ExceptionPdu.Encode(pdu[0], (ModbusExceptionCode)code)
            : pdu[0] == ModbusFunction.ReadHoldingRegisters
                ? RegisterServer.Handle(pdu, a => a < regs.Length ? regs[a] : null)
                : ExceptionPdu.Encode(pdu[0], ModbusExceptionCode.IllegalFunction);
        var frame = ModbusCrc.Append([unit, .. reply]);
        if (pack.CorruptCrc)
        {
            frame[^1] ^= 0xA5;
        }
        return GarbageBeforeReply ? [0x00, 0xFF, 0x42, .. frame] : frame;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _responder.DisposeAsync();
}
