namespace Chezlepro.Mqtt.Packets;

/// <summary>What the decoder made of the bytes so far.</summary>
internal enum DecodeStatus
{
    /// <summary>A whole packet was decoded.</summary>
    Packet,
    /// <summary>The buffer ends inside a packet; <see cref="DecodeResult.Needed"/> says how many bytes in all, when known.</summary>
    NeedMore,
    /// <summary>Malformed or forbidden: close the connection [MQTT-4.8.0-1].</summary>
    Error,
}

/// <summary>Outcome of one decode step. Never an exception: bad input is data here.</summary>
internal readonly record struct DecodeResult(DecodeStatus Status, MqttPacket? Packet, int Consumed, int Needed, string? Error)
{
    public static DecodeResult Ok(MqttPacket packet) => new(DecodeStatus.Packet, packet, 0, 0, null);

    public static DecodeResult More(int needed) => new(DecodeStatus.NeedMore, null, 0, needed, null);

    public static DecodeResult Fail(string error) => new(DecodeStatus.Error, null, 0, 0, error);
}
