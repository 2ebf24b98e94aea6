using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Confirms a closed session (Part 4, 5.6.4).</summary>
public sealed class CloseSessionResponse : IEncodeable<CloseSessionResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 476;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
    }

    public static CloseSessionResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
    };
}
