using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Asks again for a notification message that was not received (Part 4, 5.13.6).</summary>
public sealed class RepublishRequest : IEncodeable<RepublishRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 832;

    public RequestHeader RequestHeader { get; set; } = new();

    public uint SubscriptionId { get; init; }

    public uint RetransmitSequenceNumber { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteUInt32(RetransmitSequenceNumber);
    }

    public static RepublishRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        SubscriptionId = decoder.ReadUInt32(),
        RetransmitSequenceNumber = decoder.ReadUInt32(),
    };
}
