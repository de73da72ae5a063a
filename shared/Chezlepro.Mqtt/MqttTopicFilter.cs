namespace Chezlepro.Mqtt;

/// <summary>A subscription request.</summary>
/// <param name="Filter">Topic filter, wildcards allowed.</param>
/// <param name="QualityOfService">Maximum QoS requested.</param>
public sealed record MqttTopicFilter(string Filter, MqttQualityOfService QualityOfService = MqttQualityOfService.AtLeastOnce);
