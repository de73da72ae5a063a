namespace Chezlepro.Mqtt.Packets;

/// <summary>SUBSCRIBE (§3.8): fixed-header flags 0010 [MQTT-3.8.1-1], at least one filter [MQTT-3.8.3-3].</summary>
internal static class SubscribePacket
{
    public static byte[] Encode(ushort packetId, IReadOnlyList<(byte[] Filter, MqttQualityOfService Qos)> filters, bool v5 = false)
    {
        if (filters.Count == 0) throw new ArgumentException("SUBSCRIBE needs at least one filter [MQTT-3.8.3-3]", nameof(filters));
        // MQTT 5 (§3.8.2.1): an empty property block after the id; the options byte keeps only the QoS bits.
        var length = v5 ? 3 : 2;
        foreach (var (filter, _) in filters) length += 2 + filter.Length + 1;
        var b = new PacketBuilder(((byte)MqttPacketType.Subscribe << 4) | 0x02, length);
        b.WriteUInt16(packetId);
        if (v5) b.WriteByte(0);
        foreach (var (filter, qos) in filters)
        {
            b.WriteLengthPrefixed(filter);
            b.WriteByte((byte)qos);
        }
        return b.ToArray();
    }
}
