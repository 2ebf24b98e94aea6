using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Writes attributes of nodes (Part 4, 5.10.4).</summary>
public sealed class WriteRequest : IEncodeable<WriteRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 673;

    public RequestHeader RequestHeader { get; set; } = new();

    public WriteValue[] NodesToWrite { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteEncodeableArray(NodesToWrite);
    }

    public static WriteRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        NodesToWrite = decoder.ReadEncodeableArray<WriteValue>(),
    };
}
