namespace Chezlepro.Mqtt.Packets;

/// <summary>UNSUBSCRIBE (§3.10): flags 0010 [MQTT-3.10.1-1].</summary>
internal static class UnsubscribePacket
{
    public static byte[] Encode(ushort packetId, IReadOnlyList<byte[]> filters, bool v5 = false)
    {
        if (filters.Count == 0) throw new ArgumentException("UNSUBSCRIBE needs at least one filter [MQTT-3.10.3-2]", nameof(filters));
        var length = v5 ? 3 : 2;
        foreach (var f in filters) length += 2 + f.Length;
        var b = new PacketBuilder(((byte)MqttPacketType.Unsubscribe << 4) | 0x02, length);
        b.WriteUInt16(packetId);
        if (v5) b.WriteByte(0);
        foreach (var f in filters) b.WriteLengthPrefixed(f);
        return b.ToArray();
    }
}
