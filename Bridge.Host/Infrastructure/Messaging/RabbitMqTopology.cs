using Bridge.Host.Infrastructure.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>The <c>Bridge:RabbitMq</c> settings applied to the bus: the cluster's nodes and the queue type of every endpoint.</summary>
public static class RabbitMqTopology
{
    /// <summary>The broker from <c>Bridge:RabbitMqUri</c>; with cluster nodes, MassTransit tries them in turn on every (re)connect.</summary>
    public static void ConfigureHost(IRabbitMqBusFactoryConfigurator bus, BridgeMessagingOptions options)
    {
        var nodes = options.RabbitMq.ClusterNodes.Select(ClusterNode.TryParse).OfType<ClusterNode>().ToList();
        bus.Host(new Uri(options.RabbitMqUri!), host =>
        {
            if (nodes.Count > 0)
                host.UseCluster(cluster => nodes.ForEach(node => cluster.Node(node.ToString())));
        });
    }

    /// <summary>
    /// Where scheduling requests go. A <c>queue:</c> address makes every sender declare the queue as well, with no
    /// arguments, which RabbitMQ refuses for a quorum queue (PRECONDITION_FAILED on x-queue-type, and the sending channel
    /// closes). With quorum queues the scheduler is addressed by its exchange, which its receive endpoint declares and binds
    /// to its queue before this host sends anything.
    /// </summary>
    public static Uri SchedulerAddress(BridgeMessagingOptions options) =>
        options.Mode == BridgeMode.Production && options.RabbitMq.QuorumQueues
            ? new Uri($"exchange:{options.SchedulerQueueName}")
            : new Uri($"queue:{options.SchedulerQueueName}");

    /// <summary>
    /// Quorum queues for every durable receive endpoint when <c>Bridge:RabbitMq:QueueType</c> is quorum (the endpoint's
    /// <c>_error</c> and <c>_skipped</c> queues take the same queue type from it).
    /// </summary>
    public static void ConfigureEndpoint(IRegistrationContext context, IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
            return;
        var options = context.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;
        if (options.RabbitMq.QuorumQueues)
            rabbit.SetQuorumQueue();
    }
}
