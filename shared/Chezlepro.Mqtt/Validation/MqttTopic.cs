namespace Chezlepro.Mqtt.Validation;

/// <summary>Topic name and filter rules of §4.7, checked before anything is written.</summary>
internal static class MqttTopic
{
    /// <summary>Validates a topic name and returns its UTF-8 bytes.</summary>
    public static byte[] EncodeName(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        // [MQTT-4.7.3-1]: at least one character.
        if (topic.Length == 0) throw new ArgumentException("topic name is empty [MQTT-4.7.3-1]", nameof(topic));
        // [MQTT-3.3.2-2]: no wildcards in a topic name; Mosquitto disconnects on them.
        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
            throw new ArgumentException($"topic name '{topic}' holds a wildcard [MQTT-3.3.2-2]", nameof(topic));
        return MqttUtf8.Encode(topic, "topic name");
    }

    /// <summary>Validates a topic filter and returns its UTF-8 bytes.</summary>
    public static byte[] EncodeFilter(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Length == 0) throw new ArgumentException("topic filter is empty [MQTT-4.7.3-1]", nameof(filter));
        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            // [MQTT-4.7.1-2]: '#' alone in the last level.
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
                throw new ArgumentException($"topic filter '{filter}': '#' must be alone in the last level [MQTT-4.7.1-2]", nameof(filter));
            // [MQTT-4.7.1-3]: '+' fills a whole level.
            if (level.Contains('+') && level != "+")
                throw new ArgumentException($"topic filter '{filter}': '+' must fill a whole level [MQTT-4.7.1-3]", nameof(filter));
        }
        return MqttUtf8.Encode(filter, "topic filter");
    }
}
