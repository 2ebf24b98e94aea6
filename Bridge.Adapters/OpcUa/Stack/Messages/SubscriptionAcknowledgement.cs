using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Acknowledges a received notification message (Part 4, 5.13.5).</summary>
public sealed class SubscriptionAcknowledgement : IEncodeable<SubscriptionAcknowledgement>
{
    public static uint BinaryEncodingId => 823;

    public uint SubscriptionId { get; init; }

    public uint SequenceNumber { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteUInt32(SequenceNumber);
    }

    public static SubscriptionAcknowledgement Decode(BinaryDecoder decoder) => new()
    {
        SubscriptionId = decoder.ReadUInt32(),
        SequenceNumber = decoder.ReadUInt32(),
    };
}
