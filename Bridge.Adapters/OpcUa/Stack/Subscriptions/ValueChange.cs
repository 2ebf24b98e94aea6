using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>A new value of a monitored item, delivered once per (value, source timestamp).</summary>
public readonly record struct ValueChange(MonitoredItem Item, DataValue Value)
{
    public NodeId NodeId => Item.NodeId;
}
