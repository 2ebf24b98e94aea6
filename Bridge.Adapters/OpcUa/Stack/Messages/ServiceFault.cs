using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The response a server sends when a service fails as a whole (Part 4, 7.35).</summary>
public sealed class ServiceFault : IEncodeable<ServiceFault>, IServiceResponse
{
    public static uint BinaryEncodingId => 397;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
    }

    public static ServiceFault Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
    };
}
