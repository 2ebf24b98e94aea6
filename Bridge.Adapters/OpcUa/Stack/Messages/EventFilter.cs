using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>
/// Which fields of which events a monitored item on an event notifier reports (Part 4, 7.22.3). Bridge selects
/// fields only; the where clause is sent empty (every event of the notifier).
/// </summary>
public sealed class EventFilter : IEncodeable<EventFilter>
{
    public static uint BinaryEncodingId => 727;

    public SimpleAttributeOperand[] SelectClauses { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteEncodeableArray(SelectClauses);
        // ContentFilter { Elements: ContentFilterElement[] } with no elements.
        encoder.WriteInt32(0);
    }

    public static EventFilter Decode(BinaryDecoder decoder)
    {
        var select = decoder.ReadEncodeableArray<SimpleAttributeOperand>();
        var whereElements = decoder.ReadInt32();
        if (whereElements > 0)
        {
            throw new OpcUaDecodingException("an EventFilter with a where clause is not supported");
        }
        return new EventFilter { SelectClauses = select };
    }
}
