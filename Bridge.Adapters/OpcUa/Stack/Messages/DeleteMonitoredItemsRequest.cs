using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Deletes monitored items (Part 4, 5.12.6).</summary>
public sealed class DeleteMonitoredItemsRequest : IEncodeable<DeleteMonitoredItemsRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 781;

    public RequestHeader RequestHeader { get; set; } = new();

    public uint SubscriptionId { get; init; }

    public uint[] MonitoredItemIds { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteArray(MonitoredItemIds, static (e, v) => e.WriteUInt32(v));
    }

    public static DeleteMonitoredItemsRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        SubscriptionId = decoder.ReadUInt32(),
        MonitoredItemIds = decoder.ReadArray(static d => d.ReadUInt32()) ?? [],
    };
}
