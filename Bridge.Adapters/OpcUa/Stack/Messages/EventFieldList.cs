using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>One event: the values of the select clauses, in their order (Part 4, 7.25.3).</summary>
public sealed class EventFieldList : IEncodeable<EventFieldList>
{
    public static uint BinaryEncodingId => 919;

    public uint ClientHandle { get; init; }

    public Variant[] EventFields { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteUInt32(ClientHandle);
        encoder.WriteArray(EventFields, static (e, v) => e.WriteVariant(v));
    }

    public static EventFieldList Decode(BinaryDecoder decoder) => new()
    {
        ClientHandle = decoder.ReadUInt32(),
        EventFields = decoder.ReadArray(static d => d.ReadVariant()) ?? [],
    };
}
