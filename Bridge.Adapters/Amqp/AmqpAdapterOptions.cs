namespace Bridge.Adapters.Amqp;

/// <summary>
/// One named connection to a system's own RabbitMQ (section <c>Bridge:Adapters:Amqp:{name}</c>): not Bridge's
/// canonical bus, but the exchanges and queues a plant's system already publishes to in its own format.
/// </summary>
public sealed class AmqpAdapterOptions
{
    /// <summary><c>amqp://user@host:port/vhost</c>, without the password. Empty: not configured, the connection stays idle (logged at start).</summary>
    public string Uri { get; set; } = "";

    /// <summary>Environment variable holding the password (credentials never live in configuration).</summary>
    public string? PasswordEnv { get; set; }

    /// <summary>Unacknowledged deliveries per consumer. Default 50.</summary>
    public ushort Prefetch { get; set; } = 50;

    /// <summary>Inbound: the queues consumed and what their messages are for Bridge.</summary>
    public List<AmqpQueueOptions> Queues { get; set; } = [];

    /// <summary>Copies every setting onto <paramref name="target"/>.</summary>
    public void CopyTo(AmqpAdapterOptions target)
    {
        target.Uri = Uri;
        target.PasswordEnv = PasswordEnv;
        target.Prefetch = Prefetch;
        target.Queues = Queues;
    }
}
