using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>One step of a browse path (Part 4, 7.31).</summary>
public sealed class RelativePathElement : IEncodeable<RelativePathElement>
{
    public static uint BinaryEncodingId => 539;

    public NodeId ReferenceTypeId { get; init; } = Codec.NodeId.Null;

    public bool IsInverse { get; init; }

    public bool IncludeSubtypes { get; init; }

    public QualifiedName TargetName { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(ReferenceTypeId);
        encoder.WriteBoolean(IsInverse);
        encoder.WriteBoolean(IncludeSubtypes);
        encoder.WriteQualifiedName(TargetName);
    }

    public static RelativePathElement Decode(BinaryDecoder decoder) => new()
    {
        ReferenceTypeId = decoder.ReadNodeId(),
        IsInverse = decoder.ReadBoolean(),
        IncludeSubtypes = decoder.ReadBoolean(),
        TargetName = decoder.ReadQualifiedName(),
    };
}
