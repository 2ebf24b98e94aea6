using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Browses the references of nodes (Part 4, 5.8.2).</summary>
public sealed class BrowseRequest : IEncodeable<BrowseRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 527;

    public RequestHeader RequestHeader { get; set; } = new();

    public ViewDescription View { get; init; } = new();

    public uint RequestedMaxReferencesPerNode { get; init; }

    public BrowseDescription[] NodesToBrowse { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        View.Encode(encoder);
        encoder.WriteUInt32(RequestedMaxReferencesPerNode);
        encoder.WriteEncodeableArray(NodesToBrowse);
    }

    public static BrowseRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        View = ViewDescription.Decode(decoder),
        RequestedMaxReferencesPerNode = decoder.ReadUInt32(),
        NodesToBrowse = decoder.ReadEncodeableArray<BrowseDescription>(),
    };
}
