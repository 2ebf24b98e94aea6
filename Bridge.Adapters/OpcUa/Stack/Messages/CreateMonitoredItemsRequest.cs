using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Creates monitored items in a subscription (Part 4, 5.12.2).</summary>
public sealed class CreateMonitoredItemsRequest : IEncodeable<CreateMonitoredItemsRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 751;

    public RequestHeader RequestHeader { get; set; } = new();

    public uint SubscriptionId { get; init; }

    public TimestampsToReturn TimestampsToReturn { get; init; }

    public MonitoredItemCreateRequest[] ItemsToCreate { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteInt32((int)TimestampsToReturn);
        encoder.WriteEncodeableArray(ItemsToCreate);
    }

    public static CreateMonitoredItemsRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        SubscriptionId = decoder.ReadUInt32(),
        TimestampsToReturn = (TimestampsToReturn)decoder.ReadInt32(),
        ItemsToCreate = decoder.ReadEncodeableArray<MonitoredItemCreateRequest>(),
    };
}
