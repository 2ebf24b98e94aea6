using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The values the server granted for a modified subscription (Part 4, 5.13.3).</summary>
public sealed class ModifySubscriptionResponse : IEncodeable<ModifySubscriptionResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 796;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public double RevisedPublishingInterval { get; init; }

    public uint RevisedLifetimeCount { get; init; }

    public uint RevisedMaxKeepAliveCount { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteDouble(RevisedPublishingInterval);
        encoder.WriteUInt32(RevisedLifetimeCount);
        encoder.WriteUInt32(RevisedMaxKeepAliveCount);
    }

    public static ModifySubscriptionResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        RevisedPublishingInterval = decoder.ReadDouble(),
        RevisedLifetimeCount = decoder.ReadUInt32(),
        RevisedMaxKeepAliveCount = decoder.ReadUInt32(),
    };
}
