namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>RabbitMQ topology and cluster settings, bound from <c>Bridge:RabbitMq</c> (production mode only).</summary>
public sealed class BridgeRabbitMqOptions
{
    public const string Classic = "classic";
    public const string Quorum = "quorum";

    /// <value>
    /// Default <c>classic</c>. <c>quorum</c> declares every receive endpoint's queue (and its <c>_error</c> and
    /// <c>_skipped</c> queues, which MassTransit declares with the endpoint's queue arguments) as a quorum queue, replicated
    /// over the cluster's nodes. The bus's own response endpoint stays classic: it is auto-delete, which a quorum queue cannot be.
    /// An existing queue keeps its type: switching needs the old queues drained and deleted first.
    /// </value>
    public string QueueType { get; set; } = Classic;

    /// <value>
    /// Default none: the host of <c>Bridge:RabbitMqUri</c> is the only node. Otherwise every cluster node this host may
    /// connect to, as <c>host</c> or <c>host:port</c>, tried in this order and in turn after a lost connection; the URI
    /// still gives the credentials and the virtual host.
    /// </value>
    public IList<string> ClusterNodes { get; set; } = [];

    public bool QuorumQueues => string.Equals(QueueType, Quorum, StringComparison.OrdinalIgnoreCase);
}
