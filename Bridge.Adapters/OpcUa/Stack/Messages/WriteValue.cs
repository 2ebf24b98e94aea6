using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A value to write to a node attribute (Part 4, 5.10.4).</summary>
public sealed class WriteValue : IEncodeable<WriteValue>
{
    public static uint BinaryEncodingId => 670;

    public NodeId NodeId { get; init; } = Codec.NodeId.Null;

    public uint AttributeId { get; init; }

    public string? IndexRange { get; init; }

    public DataValue Value { get; init; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(NodeId);
        encoder.WriteUInt32(AttributeId);
        encoder.WriteString(IndexRange);
        encoder.WriteDataValue(Value);
    }

    public static WriteValue Decode(BinaryDecoder decoder) => new()
    {
        NodeId = decoder.ReadNodeId(),
        AttributeId = decoder.ReadUInt32(),
        IndexRange = decoder.ReadString(),
        Value = decoder.ReadDataValue(),
    };
}
