using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Deletes subscriptions (Part 4, 5.13.8).</summary>
public sealed class DeleteSubscriptionsRequest : IEncodeable<DeleteSubscriptionsRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 847;

    public RequestHeader RequestHeader { get; set; } = new();

    public uint[] SubscriptionIds { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteArray(SubscriptionIds, static (e, v) => e.WriteUInt32(v));
    }

    public static DeleteSubscriptionsRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        SubscriptionIds = decoder.ReadArray(static d => d.ReadUInt32()) ?? [],
    };
}
