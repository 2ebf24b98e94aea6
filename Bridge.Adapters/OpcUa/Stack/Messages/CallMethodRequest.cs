using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A method to call with its input arguments (Part 4, 5.11.2).</summary>
public sealed class CallMethodRequest : IEncodeable<CallMethodRequest>
{
    public static uint BinaryEncodingId => 706;

    public NodeId ObjectId { get; init; } = Codec.NodeId.Null;

    public NodeId MethodId { get; init; } = Codec.NodeId.Null;

    public Variant[] InputArguments { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(ObjectId);
        encoder.WriteNodeId(MethodId);
        encoder.WriteArray(InputArguments, static (e, v) => e.WriteVariant(v));
    }

    public static CallMethodRequest Decode(BinaryDecoder decoder) => new()
    {
        ObjectId = decoder.ReadNodeId(),
        MethodId = decoder.ReadNodeId(),
        InputArguments = decoder.ReadArray(static d => d.ReadVariant()) ?? [],
    };
}
