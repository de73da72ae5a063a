namespace Chezlepro.Mqtt.Packets;

/// <summary>CONNACK (§3.2): Session Present and the return code.</summary>
internal sealed record ConnAckPacket(bool SessionPresent, byte ReturnCode, MqttPropertySet? Properties = null) : MqttPacket
{
    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body, bool v5 = false)
    {
        if (flags != 0) return DecodeResult.Fail("CONNACK with non-zero flags [MQTT-2.2.2-2]");
        if (v5)
        {
            // §3.2.2: flags, reason code, properties.
            if (body.Length < 3) return DecodeResult.Fail("CONNACK too short for MQTT 5 (§3.2.2)");
            if ((body[0] & 0xFE) != 0) return DecodeResult.Fail("CONNACK reserved acknowledge flags set (§3.2.2.1)");
            var error = MqttProperties.TryRead(body[2..], out var set, out var used);
            if (error is not null) return DecodeResult.Fail("CONNACK properties: " + error);
            if (2 + used != body.Length) return DecodeResult.Fail("CONNACK has bytes after its properties");
            return DecodeResult.Ok(new ConnAckPacket((body[0] & 1) == 1, body[1], set));
        }
        if (body.Length != 2) return DecodeResult.Fail("CONNACK Remaining Length must be 2 (§3.2)");
        // Bits 7–1 of the acknowledge flags are reserved and must be 0 (§3.2.2.1).
        if ((body[0] & 0xFE) != 0) return DecodeResult.Fail("CONNACK reserved acknowledge flags set (§3.2.2.1)");
        // [MQTT-3.2.2-4]: Session Present must be 0 with a non-zero return code.
        if ((body[0] & 1) == 1 && body[1] != 0) return DecodeResult.Fail("CONNACK Session Present with a refusal [MQTT-3.2.2-4]");
        return DecodeResult.Ok(new ConnAckPacket((body[0] & 1) == 1, body[1]));
    }

    /// <summary>Words for a refusal (§3.2.2.3), fit for an exception message.</summary>
    public static string Describe(byte returnCode) => returnCode switch
    {
        0 => "accepted",
        1 => "unacceptable protocol version (return code 1)",
        2 => "client identifier rejected (return code 2)",
        3 => "server unavailable (return code 3)",
        4 => "bad user name or password (return code 4)",
        // Mosquitto 2.0.11 answers 5 for a wrong password and for anonymous clients (mqtt-sla.md §1.3).
        5 => "bad user name or password, or not authorised (return code 5)",
        _ => $"reserved return code {returnCode}",
    };
}
