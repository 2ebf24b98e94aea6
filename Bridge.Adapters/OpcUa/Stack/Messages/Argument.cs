using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Describes a method argument (Part 3, 8.6).</summary>
public sealed class Argument : IEncodeable<Argument>
{
    public static uint BinaryEncodingId => 298;

    public string? Name { get; init; }

    public NodeId DataType { get; init; } = Codec.NodeId.Null;

    public int ValueRank { get; init; }

    public uint[] ArrayDimensions { get; init; } = [];

    public LocalizedText Description { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteString(Name);
        encoder.WriteNodeId(DataType);
        encoder.WriteInt32(ValueRank);
        encoder.WriteArray(ArrayDimensions, static (e, v) => e.WriteUInt32(v));
        encoder.WriteLocalizedText(Description);
    }

    public static Argument Decode(BinaryDecoder decoder) => new()
    {
        Name = decoder.ReadString(),
        DataType = decoder.ReadNodeId(),
        ValueRank = decoder.ReadInt32(),
        ArrayDimensions = decoder.ReadArray(static d => d.ReadUInt32()) ?? [],
        Description = decoder.ReadLocalizedText(),
    };
}
