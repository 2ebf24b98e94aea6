using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A node a browse path leads to (Part 4, 5.8.4).</summary>
public sealed class BrowsePathTarget : IEncodeable<BrowsePathTarget>
{
    public static uint BinaryEncodingId => 548;

    public ExpandedNodeId TargetId { get; init; } = Codec.ExpandedNodeId.Null;

    public uint RemainingPathIndex { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteExpandedNodeId(TargetId);
        encoder.WriteUInt32(RemainingPathIndex);
    }

    public static BrowsePathTarget Decode(BinaryDecoder decoder) => new()
    {
        TargetId = decoder.ReadExpandedNodeId(),
        RemainingPathIndex = decoder.ReadUInt32(),
    };
}
