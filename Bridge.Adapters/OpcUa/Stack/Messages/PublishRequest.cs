using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Asks for notifications and acknowledges received ones (Part 4, 5.13.5).</summary>
public sealed class PublishRequest : IEncodeable<PublishRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 826;

    public RequestHeader RequestHeader { get; set; } = new();

    public SubscriptionAcknowledgement[] SubscriptionAcknowledgements { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteEncodeableArray(SubscriptionAcknowledgements);
    }

    public static PublishRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        SubscriptionAcknowledgements = decoder.ReadEncodeableArray<SubscriptionAcknowledgement>(),
    };
}
