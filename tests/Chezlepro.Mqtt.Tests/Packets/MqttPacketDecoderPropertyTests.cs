using Chezlepro.Mqtt.Packets;
using FsCheck;
using FsCheck.Fluent;

namespace Chezlepro.Mqtt.Tests.Packets;

/// <summary>
/// Random and mutated byte streams through the decoder: the only outcomes are a packet, "need more" or a
/// protocol error. Any other exception, an over-read, or a size claim beyond the limit fails the property.
/// </summary>
public sealed class MqttPacketDecoderPropertyTests
{
    private const int Max = 64 * 1024;
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(3000).WithQuietOnSuccess(true);

    private static Gen<byte> AnyByte => Gen.Choose(0, 255).Select(i => (byte)i);

    private static Gen<byte[]> Bytes(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(AnyByte, n));

    /// <summary>Packets a server may legally send, encoded.</summary>
    private static Gen<byte[]> ServerPacket =>
        Gen.OneOf(
            Gen.Choose(0, 5).Select(rc => new byte[] { 0x20, 2, 0, (byte)rc }),
            Gen.Choose(1, 65535).Select(id => new byte[] { 0x40, 2, (byte)(id >> 8), (byte)id }),
            Gen.Choose(1, 65535).Select(id => new byte[] { 0x90, 3, (byte)(id >> 8), (byte)id, 1 }),
            Gen.Constant(new byte[] { 0xD0, 0 }),
            from topic in Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements("abc/xyz-_019 é".ToCharArray()), n))
            from payload in Bytes(300)
            from qos in Gen.Elements(MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce)
            from retain in Gen.Elements(true, false)
            from id in Gen.Choose(1, 65535)
            select PublishPacket.Encode(System.Text.Encoding.UTF8.GetBytes(new string(topic)), payload, qos, retain, dup: false, (ushort)id));

    private static Gen<byte[]> Stream =>
        Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(ServerPacket, n)).Select(ps => ps.SelectMany(p => p).ToArray());

    /// <summary>Feeds <paramref name="stream"/> in chunks as the client's read loop does; returns packets, then the error if any.</summary>
    private static (List<MqttPacket> Packets, string? Error) Feed(byte[] stream, IReadOnlyList<int> chunkSizes, int max = Max)
    {
        var packets = new List<MqttPacket>();
        var buffer = new List<byte>();
        var offset = 0;
        var chunk = 0;
        while (true)
        {
            while (true)
            {
                var r = MqttPacketDecoder.Decode(buffer.ToArray(), max);
                if (r.Status == DecodeStatus.Error) return (packets, r.Error);
                if (r.Status == DecodeStatus.NeedMore)
                {
                    if (r.Needed != 0 && (r.Needed <= buffer.Count || r.Needed > max))
                        throw new InvalidOperationException($"NeedMore({r.Needed}) with {buffer.Count} bytes buffered");
                    break;
                }
                if (r.Consumed <= 0 || r.Consumed > buffer.Count) throw new InvalidOperationException($"consumed {r.Consumed} of {buffer.Count}");
                packets.Add(r.Packet!);
                buffer.RemoveRange(0, r.Consumed);
            }
            if (offset >= stream.Length) return (packets, null);
            var size = Math.Min(stream.Length - offset, Math.Max(1, chunkSizes[chunk++ % chunkSizes.Count]));
            buffer.AddRange(stream.AsSpan(offset, size).ToArray());
            offset += size;
        }
    }

    [Fact]
    public void Decode_RandomBytes_PacketNeedMoreOrErrorOnly() =>
        Check.One(Runs, Prop.ForAll(Arb.From(Bytes(600)), Arb.From(Gen.Elements((byte)4, (byte)5)), (bytes, level) =>
        {
            var r = MqttPacketDecoder.Decode(bytes, Max, level);
            return r.Status switch
            {
                DecodeStatus.Packet => r.Consumed >= 2 && r.Consumed <= bytes.Length && r.Packet is not null,
                DecodeStatus.NeedMore => r.Needed == 0 || (r.Needed > bytes.Length && r.Needed <= Max),
                _ => !string.IsNullOrEmpty(r.Error),
            };
        }));

    [Fact]
    public void Decode_ValidStreamAnyChunking_SamePacketsAsWhole() =>
        Check.One(Runs, Prop.ForAll(Arb.From(Stream), Arb.From(Gen.ListOf(Gen.Choose(1, 50), 5)), (stream, chunks) =>
        {
            var (whole, error) = Feed(stream, [stream.Length]);
            var (chunked, chunkedError) = Feed(stream, chunks.Count == 0 ? [1] : [.. chunks]);
            return error is null && chunkedError is null && whole.SequenceEqual(chunked, PacketComparer.Instance) && whole.Count > 0;
        }));

    [Fact]
    public void Decode_MutatedStream_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(
            Arb.From(Stream),
            Arb.From(Gen.ListOf(Gen.Two(Gen.Choose(0, int.MaxValue)), 4)),
            Arb.From(Gen.ListOf(Gen.Choose(1, 40), 3)),
            (stream, flips, chunks) =>
            {
                var mutated = (byte[])stream.Clone();
                foreach (var (at, value) in flips) mutated[at % mutated.Length] = (byte)value;
                // Truncation too: a stream cut anywhere is "need more", never a crash.
                var cut = mutated.AsSpan(0, mutated.Length - (flips.Count > 0 ? flips[0].Item1 % Math.Min(5, mutated.Length) : 0)).ToArray();
                Feed(cut, chunks.Count == 0 ? [7] : [.. chunks]);
                return true;
            }));

    [Fact]
    public void Decode_HugeClaimedLength_ErrorWithoutAllocating() =>
        Check.One(Runs, Prop.ForAll(Arb.From(Gen.Choose(Max + 1, 268_435_455)), Arb.From(Gen.Choose(0, 15)), (claimed, type) =>
        {
            var header = new byte[5];
            header[0] = (byte)(type << 4);
            var n = RemainingLength.Write(header.AsSpan(1), claimed);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var r = MqttPacketDecoder.Decode(header.AsSpan(0, 1 + n), Max);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return r.Status == DecodeStatus.Error && allocated < 16 * 1024;
        }));

    private sealed class PacketComparer : IEqualityComparer<MqttPacket>
    {
        public static readonly PacketComparer Instance = new();

        public bool Equals(MqttPacket? x, MqttPacket? y) => (x, y) switch
        {
            (PublishPacket a, PublishPacket b) => a.Topic == b.Topic && a.Payload.Span.SequenceEqual(b.Payload.Span) && a.Qos == b.Qos &&
                a.Retain == b.Retain && a.PacketId == b.PacketId,
            (SubAckPacket a, SubAckPacket b) => a.PacketId == b.PacketId && a.ReturnCodes.SequenceEqual(b.ReturnCodes),
            _ => object.Equals(x, y),
        };

        public int GetHashCode(MqttPacket obj) => 0;
    }
}
