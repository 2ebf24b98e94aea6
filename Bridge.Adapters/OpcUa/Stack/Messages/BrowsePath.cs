using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A starting node and a relative path (Part 4, 5.8.4).</summary>
public sealed class BrowsePath : IEncodeable<BrowsePath>
{
    public static uint BinaryEncodingId => 545;

    public NodeId StartingNode { get; init; } = Codec.NodeId.Null;

    public RelativePath RelativePath { get; init; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(StartingNode);
        RelativePath.Encode(encoder);
    }

    public static BrowsePath Decode(BinaryDecoder decoder) => new()
    {
        StartingNode = decoder.ReadNodeId(),
        RelativePath = RelativePath.Decode(decoder),
    };
}
