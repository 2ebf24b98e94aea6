using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Changes a subscription's intervals and counts without recreating it (Part 4, 5.13.3).</summary>
public sealed class ModifySubscriptionRequest : IEncodeable<ModifySubscriptionRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 793;

    public RequestHeader RequestHeader { get; set; } = new();

    public uint SubscriptionId { get; init; }

    public double RequestedPublishingInterval { get; init; }

    public uint RequestedLifetimeCount { get; init; }

    public uint RequestedMaxKeepAliveCount { get; init; }

    public uint MaxNotificationsPerPublish { get; init; }

    public byte Priority { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteDouble(RequestedPublishingInterval);
        encoder.WriteUInt32(RequestedLifetimeCount);
        encoder.WriteUInt32(RequestedMaxKeepAliveCount);
        encoder.WriteUInt32(MaxNotificationsPerPublish);
        encoder.WriteByte(Priority);
    }

    public static ModifySubscriptionRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        SubscriptionId = decoder.ReadUInt32(),
        RequestedPublishingInterval = decoder.ReadDouble(),
        RequestedLifetimeCount = decoder.ReadUInt32(),
        RequestedMaxKeepAliveCount = decoder.ReadUInt32(),
        MaxNotificationsPerPublish = decoder.ReadUInt32(),
        Priority = decoder.ReadByte(),
    };
}
