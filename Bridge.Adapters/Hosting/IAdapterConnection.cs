namespace Bridge.Adapters.Hosting;

/// <summary>
/// A long-lived connection an adapter instance keeps (an MQTT broker, a system's RabbitMQ, an OPC UA server), as the
/// status page and <c>/metrics</c> show it. Every such instance registers itself as one of these.
/// </summary>
public interface IAdapterConnection
{
    /// <summary>The adapter's name as systems.yaml writes it: <c>mqtt</c>, <c>amqp</c>, <c>opcua</c>.</summary>
    string Adapter { get; }

    string Instance { get; }

    AdapterConnectionStatus Status { get; }
}
