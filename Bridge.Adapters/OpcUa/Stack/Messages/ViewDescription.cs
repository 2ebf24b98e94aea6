using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The view to browse; the null view is the whole address space (Part 4, 7.45).</summary>
public sealed class ViewDescription : IEncodeable<ViewDescription>
{
    public static uint BinaryEncodingId => 513;

    public NodeId ViewId { get; init; } = Codec.NodeId.Null;

    public DateTime Timestamp { get; init; }

    public uint ViewVersion { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(ViewId);
        encoder.WriteDateTime(Timestamp);
        encoder.WriteUInt32(ViewVersion);
    }

    public static ViewDescription Decode(BinaryDecoder decoder) => new()
    {
        ViewId = decoder.ReadNodeId(),
        Timestamp = decoder.ReadDateTime(),
        ViewVersion = decoder.ReadUInt32(),
    };
}
