namespace Chezlepro.Collector.Options;

/// <summary>The collector's <c>Mqtt</c> section.</summary>
public sealed class CollectorMqttOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Mqtt";

    /// <summary>Broker host.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>User name.</summary>
    public string? Username { get; set; }

    /// <summary>Password; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Keep Alive in seconds.</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>First topic segment.</summary>
    public string TopicRoot { get; set; } = "chezlepro";
}
