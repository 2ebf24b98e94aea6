using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Moves subscriptions to this session, e.g. after a reconnect (Part 4, 5.13.7).</summary>
public sealed class TransferSubscriptionsRequest : IEncodeable<TransferSubscriptionsRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 841;

    public RequestHeader RequestHeader { get; set; } = new();

    public uint[] SubscriptionIds { get; init; } = [];

    public bool SendInitialValues { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteArray(SubscriptionIds, static (e, v) => e.WriteUInt32(v));
        encoder.WriteBoolean(SendInitialValues);
    }

    public static TransferSubscriptionsRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        SubscriptionIds = decoder.ReadArray(static d => d.ReadUInt32()) ?? [],
        SendInitialValues = decoder.ReadBoolean(),
    };
}
