using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Events of monitored event notifiers (Part 4, 7.25.3).</summary>
public sealed class EventNotificationList : IEncodeable<EventNotificationList>
{
    public static uint BinaryEncodingId => 916;

    public EventFieldList[] Events { get; init; } = [];

    public void Encode(BinaryEncoder encoder) => encoder.WriteEncodeableArray(Events);

    public static EventNotificationList Decode(BinaryDecoder decoder) => new() { Events = decoder.ReadEncodeableArray<EventFieldList>() };
}
