using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Continues or releases Browse continuation points (Part 4, 5.8.3).</summary>
public sealed class BrowseNextRequest : IEncodeable<BrowseNextRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 533;

    public RequestHeader RequestHeader { get; set; } = new();

    public bool ReleaseContinuationPoints { get; init; }

    public byte[]?[] ContinuationPoints { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteBoolean(ReleaseContinuationPoints);
        encoder.WriteArray(ContinuationPoints, static (e, v) => e.WriteByteString(v));
    }

    public static BrowseNextRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        ReleaseContinuationPoints = decoder.ReadBoolean(),
        ContinuationPoints = decoder.ReadArray(static d => d.ReadByteString()) ?? [],
    };
}
