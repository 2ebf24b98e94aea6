namespace Bridge.Adapters.Mqtt;

/// <summary>One inbound topic filter (wildcards <c>+</c> and <c>#</c>) and what its messages are for Bridge.</summary>
public sealed class MqttSubscriptionOptions
{
    /// <summary>e.g. <c>plant/+/line/+/bin/+/level</c>.</summary>
    public string Topic { get; set; } = "";

    /// <summary>The system the messages come from (the mappings' <c>system:</c>).</summary>
    public string System { get; set; } = "";

    /// <summary>The message type the system's inbound mapping is found by.</summary>
    public string MessageType { get; set; } = "";

    /// <value>Default 1.</value>
    public int Qos { get; set; } = 1;

    /// <summary>Content type when the message carries none (MQTT 5 content type wins). Default <c>text/plain</c>.</summary>
    public string ContentType { get; set; } = "text/plain";
}
