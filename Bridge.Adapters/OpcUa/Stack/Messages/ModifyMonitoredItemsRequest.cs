using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Changes sampling, queue and filter of monitored items without recreating them (Part 4, 5.12.3).</summary>
public sealed class ModifyMonitoredItemsRequest : IEncodeable<ModifyMonitoredItemsRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 763;

    public RequestHeader RequestHeader { get; set; } = new();

    public uint SubscriptionId { get; init; }

    public TimestampsToReturn TimestampsToReturn { get; init; }

    public MonitoredItemModifyRequest[] ItemsToModify { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteInt32((int)TimestampsToReturn);
        encoder.WriteEncodeableArray(ItemsToModify);
    }

    public static ModifyMonitoredItemsRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        SubscriptionId = decoder.ReadUInt32(),
        TimestampsToReturn = (TimestampsToReturn)decoder.ReadInt32(),
        ItemsToModify = decoder.ReadEncodeableArray<MonitoredItemModifyRequest>(),
    };
}
