using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A node attribute to read or monitor (Part 4, 7.29).</summary>
public sealed class ReadValueId : IEncodeable<ReadValueId>
{
    public static uint BinaryEncodingId => 628;

    public NodeId NodeId { get; init; } = Codec.NodeId.Null;

    public uint AttributeId { get; init; }

    public string? IndexRange { get; init; }

    public QualifiedName DataEncoding { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(NodeId);
        encoder.WriteUInt32(AttributeId);
        encoder.WriteString(IndexRange);
        encoder.WriteQualifiedName(DataEncoding);
    }

    public static ReadValueId Decode(BinaryDecoder decoder) => new()
    {
        NodeId = decoder.ReadNodeId(),
        AttributeId = decoder.ReadUInt32(),
        IndexRange = decoder.ReadString(),
        DataEncoding = decoder.ReadQualifiedName(),
    };
}
