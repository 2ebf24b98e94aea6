using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>What to monitor and how: a node, its sampling, queue and deadband.</summary>
public sealed record MonitoredItemRequest(NodeId NodeId)
{
    /// <summary>A name the caller uses for the item (a device's node key); defaults to the NodeId text.</summary>
    public string? Key { get; init; }

    /// <value>Default Value (13).</value>
    public uint AttributeId { get; init; } = Attributes.Value;

    /// <summary>Sampling interval in milliseconds; −1 samples at the publishing interval, 0 as fast as the server can.</summary>
    /// <value>Default −1.</value>
    public double SamplingInterval { get; init; } = -1;

    /// <value>Default 10.</value>
    public uint QueueSize { get; init; } = 10;

    /// <value>Default None.</value>
    public DeadbandType DeadbandType { get; init; } = DeadbandType.None;

    /// <summary>Absolute: in the value's units. Percent: 0–100 of the node's EURange.</summary>
    public double DeadbandValue { get; init; }

    internal ExtensionObject Filter() => DeadbandType == DeadbandType.None
        ? ExtensionObject.Null
        : ExtensionObject.FromEncodeable(new DataChangeFilter
        {
            Trigger = DataChangeTrigger.StatusValue,
            DeadbandType = (uint)DeadbandType,
            DeadbandValue = DeadbandValue,
        });
}
