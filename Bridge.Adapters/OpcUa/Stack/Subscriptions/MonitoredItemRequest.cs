using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>
/// What to monitor and how: a node's value with its sampling, queue and deadband; or, made by
/// <see cref="ForEvents"/>, the events of an event notifier with the fields to report.
/// </summary>
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

    /// <summary>For an event item: the fields each event reports, as browse paths from BaseEventType
    /// (<c>Message</c>, <c>ActiveState/Id</c>, <c>2:Batch</c>). Null for a value item.</summary>
    public IReadOnlyList<string>? EventFields { get; init; }

    /// <summary>Monitors the events of <paramref name="notifier"/> (an object with SubscribeToEvents, e.g. the Server object i=2253).</summary>
    public static MonitoredItemRequest ForEvents(NodeId notifier, IReadOnlyList<string> fields) => new(notifier)
    {
        AttributeId = Attributes.EventNotifier,
        SamplingInterval = 0,
        // Events are not values: every one counts, so the server keeps a queue rather than the latest.
        QueueSize = 1000,
        EventFields = fields,
    };

    internal ExtensionObject Filter() => EventFields is { } fields
        ? ExtensionObject.FromEncodeable(new EventFilter { SelectClauses = [.. fields.Select(SelectClause)] })
        : DeadbandType == DeadbandType.None
        ? ExtensionObject.Null
        : ExtensionObject.FromEncodeable(new DataChangeFilter
        {
            Trigger = DataChangeTrigger.StatusValue,
            DeadbandType = (uint)DeadbandType,
            DeadbandValue = DeadbandValue,
        });

    private static SimpleAttributeOperand SelectClause(string path) => new()
    {
        BrowsePath = [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(QualifiedName.Parse)],
    };
}
