using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A node to browse and which references to follow (Part 4, 5.8.2).</summary>
public sealed class BrowseDescription : IEncodeable<BrowseDescription>
{
    public static uint BinaryEncodingId => 516;

    public NodeId NodeId { get; init; } = Codec.NodeId.Null;

    public BrowseDirection BrowseDirection { get; init; }

    public NodeId ReferenceTypeId { get; init; } = Codec.NodeId.Null;

    public bool IncludeSubtypes { get; init; }

    public uint NodeClassMask { get; init; }

    public uint ResultMask { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(NodeId);
        encoder.WriteInt32((int)BrowseDirection);
        encoder.WriteNodeId(ReferenceTypeId);
        encoder.WriteBoolean(IncludeSubtypes);
        encoder.WriteUInt32(NodeClassMask);
        encoder.WriteUInt32(ResultMask);
    }

    public static BrowseDescription Decode(BinaryDecoder decoder) => new()
    {
        NodeId = decoder.ReadNodeId(),
        BrowseDirection = (BrowseDirection)decoder.ReadInt32(),
        ReferenceTypeId = decoder.ReadNodeId(),
        IncludeSubtypes = decoder.ReadBoolean(),
        NodeClassMask = decoder.ReadUInt32(),
        ResultMask = decoder.ReadUInt32(),
    };
}
