using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>
/// A monitored item as the client tracks it. The client handle is chosen by the client and survives a
/// recreation on another session; the server id changes.
/// </summary>
public sealed class MonitoredItem(MonitoredItemRequest request, uint clientHandle)
{
    // A mutable struct, not readonly: Accept updates it in place (deliveries of a subscription run one at a time).
    private DuplicateFilter duplicates;

    public MonitoredItemRequest Request { get; internal set; } = request;

    public NodeId NodeId => Request.NodeId;

    public string Key => Request.Key ?? Request.NodeId.ToString();

    public uint ClientHandle { get; } = clientHandle;

    public uint ServerId { get; internal set; }

    public StatusCode Status { get; internal set; }

    public double RevisedSamplingInterval { get; internal set; }

    /// <summary>Records a delivered value; false when the same value with the same source timestamp was delivered before.</summary>
    internal bool Accept(DataValue value)
    {
        // The value itself is not kept: holding the last value of every item kept young objects alive across collections.
        return duplicates.IsNew(value);
    }
}
