using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The references of one browsed node and a continuation point when there are more (Part 4, 7.6).</summary>
public sealed class BrowseResult : IEncodeable<BrowseResult>
{
    public static uint BinaryEncodingId => 524;

    public StatusCode StatusCode { get; init; }

    public byte[]? ContinuationPoint { get; init; }

    public ReferenceDescription[] References { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteByteString(ContinuationPoint);
        encoder.WriteEncodeableArray(References);
    }

    public static BrowseResult Decode(BinaryDecoder decoder) => new()
    {
        StatusCode = decoder.ReadStatusCode(),
        ContinuationPoint = decoder.ReadByteString(),
        References = decoder.ReadEncodeableArray<ReferenceDescription>(),
    };
}
