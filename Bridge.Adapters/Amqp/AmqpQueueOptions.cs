namespace Bridge.Adapters.Amqp;

/// <summary>One consumed queue: existing, or declared (durable) and bound to an exchange by Bridge.</summary>
public sealed class AmqpQueueOptions
{
    public string Queue { get; set; } = "";

    /// <summary>Declare the queue (durable) instead of expecting it to exist. Default false.</summary>
    public bool Declare { get; set; }

    /// <value>
    /// With <see cref="Declare"/>: <c>classic</c> (default) or <c>quorum</c> (replicated over a cluster's nodes). A queue
    /// that exists with the other type makes the declaration fail: the connection says so and retries.
    /// </value>
    public string QueueType { get; set; } = "classic";

    /// <summary>With <see cref="Declare"/>: the exchange to bind the queue to (declared as a durable topic exchange).</summary>
    public string? Exchange { get; set; }

    /// <value>Binding key. Default <c>#</c>.</value>
    public string RoutingKey { get; set; } = "#";

    public string System { get; set; } = "";

    public string MessageType { get; set; } = "";

    /// <summary>Content type when the message carries none. Default <c>application/json</c>.</summary>
    public string ContentType { get; set; } = "application/json";
}
