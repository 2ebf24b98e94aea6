using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Closes a session (Part 4, 5.6.4).</summary>
public sealed class CloseSessionRequest : IEncodeable<CloseSessionRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 473;

    public RequestHeader RequestHeader { get; set; } = new();

    public bool DeleteSubscriptions { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteBoolean(DeleteSubscriptions);
    }

    public static CloseSessionRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        DeleteSubscriptions = decoder.ReadBoolean(),
    };
}
