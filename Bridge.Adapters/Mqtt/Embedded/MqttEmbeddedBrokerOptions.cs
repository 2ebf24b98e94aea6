namespace Bridge.Adapters.Mqtt.Embedded;

/// <summary>The in-process broker of the embedded default (section <c>Bridge:Mqtt:EmbeddedBroker</c>).</summary>
public sealed class MqttEmbeddedBrokerOptions
{
    public const string SectionName = "Bridge:Mqtt:EmbeddedBroker";

    /// <value>Default true (it is only registered in embedded mode).</value>
    public bool Enabled { get; set; } = true;

    /// <value>Default <c>127.0.0.1</c>: reachable from this machine only.</value>
    public string Address { get; set; } = "127.0.0.1";

    /// <value>Default 1883, MQTT's registered port.</value>
    public int Port { get; set; } = 1883;
}
