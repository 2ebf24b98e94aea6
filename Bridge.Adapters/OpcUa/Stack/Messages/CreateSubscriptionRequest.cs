using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Creates a subscription (Part 4, 5.13.2).</summary>
public sealed class CreateSubscriptionRequest : IEncodeable<CreateSubscriptionRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 787;

    public RequestHeader RequestHeader { get; set; } = new();

    public double RequestedPublishingInterval { get; init; }

    public uint RequestedLifetimeCount { get; init; }

    public uint RequestedMaxKeepAliveCount { get; init; }

    public uint MaxNotificationsPerPublish { get; init; }

    public bool PublishingEnabled { get; init; }

    public byte Priority { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteDouble(RequestedPublishingInterval);
        encoder.WriteUInt32(RequestedLifetimeCount);
        encoder.WriteUInt32(RequestedMaxKeepAliveCount);
        encoder.WriteUInt32(MaxNotificationsPerPublish);
        encoder.WriteBoolean(PublishingEnabled);
        encoder.WriteByte(Priority);
    }

    public static CreateSubscriptionRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        RequestedPublishingInterval = decoder.ReadDouble(),
        RequestedLifetimeCount = decoder.ReadUInt32(),
        RequestedMaxKeepAliveCount = decoder.ReadUInt32(),
        MaxNotificationsPerPublish = decoder.ReadUInt32(),
        PublishingEnabled = decoder.ReadBoolean(),
        Priority = decoder.ReadByte(),
    };
}
