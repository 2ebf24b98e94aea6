using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>One field of an event, named by a browse path from an event type (Part 4, 7.7.4.5).</summary>
public sealed class SimpleAttributeOperand : IEncodeable<SimpleAttributeOperand>
{
    public static uint BinaryEncodingId => 603;

    /// <summary>BaseEventType (i=2041) makes the server evaluate the browse path on whatever type the event has.</summary>
    public NodeId TypeDefinitionId { get; init; } = new(WellKnownNodeIds.BaseEventType);

    public QualifiedName[] BrowsePath { get; init; } = [];

    /// <value>Default Value (13).</value>
    public uint AttributeId { get; init; } = Attributes.Value;

    public string? IndexRange { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(TypeDefinitionId);
        encoder.WriteArray(BrowsePath, static (e, v) => e.WriteQualifiedName(v));
        encoder.WriteUInt32(AttributeId);
        encoder.WriteString(IndexRange);
    }

    public static SimpleAttributeOperand Decode(BinaryDecoder decoder) => new()
    {
        TypeDefinitionId = decoder.ReadNodeId(),
        BrowsePath = decoder.ReadArray(static d => d.ReadQualifiedName()) ?? [],
        AttributeId = decoder.ReadUInt32(),
        IndexRange = decoder.ReadString(),
    };
}
