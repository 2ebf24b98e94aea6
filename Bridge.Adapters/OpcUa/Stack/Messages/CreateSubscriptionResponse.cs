using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The created subscription with revised settings (Part 4, 5.13.2).</summary>
public sealed class CreateSubscriptionResponse : IEncodeable<CreateSubscriptionResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 790;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public uint SubscriptionId { get; init; }

    public double RevisedPublishingInterval { get; init; }

    public uint RevisedLifetimeCount { get; init; }

    public uint RevisedMaxKeepAliveCount { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteDouble(RevisedPublishingInterval);
        encoder.WriteUInt32(RevisedLifetimeCount);
        encoder.WriteUInt32(RevisedMaxKeepAliveCount);
    }

    public static CreateSubscriptionResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        SubscriptionId = decoder.ReadUInt32(),
        RevisedPublishingInterval = decoder.ReadDouble(),
        RevisedLifetimeCount = decoder.ReadUInt32(),
        RevisedMaxKeepAliveCount = decoder.ReadUInt32(),
    };
}
