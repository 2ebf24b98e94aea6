using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Reads attributes of nodes (Part 4, 5.10.2).</summary>
public sealed class ReadRequest : IEncodeable<ReadRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 631;

    public RequestHeader RequestHeader { get; set; } = new();

    public double MaxAge { get; init; }

    public TimestampsToReturn TimestampsToReturn { get; init; }

    public ReadValueId[] NodesToRead { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteDouble(MaxAge);
        encoder.WriteInt32((int)TimestampsToReturn);
        encoder.WriteEncodeableArray(NodesToRead);
    }

    public static ReadRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        MaxAge = decoder.ReadDouble(),
        TimestampsToReturn = (TimestampsToReturn)decoder.ReadInt32(),
        NodesToRead = decoder.ReadEncodeableArray<ReadValueId>(),
    };
}
