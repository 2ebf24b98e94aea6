using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Resolves browse paths to NodeIds (Part 4, 5.8.4).</summary>
public sealed class TranslateBrowsePathsToNodeIdsRequest : IEncodeable<TranslateBrowsePathsToNodeIdsRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 554;

    public RequestHeader RequestHeader { get; set; } = new();

    public BrowsePath[] BrowsePaths { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteEncodeableArray(BrowsePaths);
    }

    public static TranslateBrowsePathsToNodeIdsRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        BrowsePaths = decoder.ReadEncodeableArray<BrowsePath>(),
    };
}
