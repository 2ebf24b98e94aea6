using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The endpoints of a server (Part 4, 5.4.4).</summary>
public sealed class GetEndpointsResponse : IEncodeable<GetEndpointsResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 431;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public EndpointDescription[] Endpoints { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteEncodeableArray(Endpoints);
    }

    public static GetEndpointsResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Endpoints = decoder.ReadEncodeableArray<EndpointDescription>(),
    };
}
