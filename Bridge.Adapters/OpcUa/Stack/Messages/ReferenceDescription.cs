using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A reference found by Browse (Part 4, 7.30).</summary>
public sealed class ReferenceDescription : IEncodeable<ReferenceDescription>
{
    public static uint BinaryEncodingId => 520;

    public NodeId ReferenceTypeId { get; init; } = Codec.NodeId.Null;

    public bool IsForward { get; init; }

    public ExpandedNodeId NodeId { get; init; } = Codec.ExpandedNodeId.Null;

    public QualifiedName BrowseName { get; init; }

    public LocalizedText DisplayName { get; init; }

    public NodeClass NodeClass { get; init; }

    public ExpandedNodeId TypeDefinition { get; init; } = Codec.ExpandedNodeId.Null;

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(ReferenceTypeId);
        encoder.WriteBoolean(IsForward);
        encoder.WriteExpandedNodeId(NodeId);
        encoder.WriteQualifiedName(BrowseName);
        encoder.WriteLocalizedText(DisplayName);
        encoder.WriteInt32((int)NodeClass);
        encoder.WriteExpandedNodeId(TypeDefinition);
    }

    public static ReferenceDescription Decode(BinaryDecoder decoder) => new()
    {
        ReferenceTypeId = decoder.ReadNodeId(),
        IsForward = decoder.ReadBoolean(),
        NodeId = decoder.ReadExpandedNodeId(),
        BrowseName = decoder.ReadQualifiedName(),
        DisplayName = decoder.ReadLocalizedText(),
        NodeClass = (NodeClass)decoder.ReadInt32(),
        TypeDefinition = decoder.ReadExpandedNodeId(),
    };
}
