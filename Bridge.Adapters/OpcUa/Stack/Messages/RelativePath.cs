using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A sequence of browse steps (Part 4, 7.31).</summary>
public sealed class RelativePath : IEncodeable<RelativePath>
{
    public static uint BinaryEncodingId => 542;

    public RelativePathElement[] Elements { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteEncodeableArray(Elements);
    }

    public static RelativePath Decode(BinaryDecoder decoder) => new()
    {
        Elements = decoder.ReadEncodeableArray<RelativePathElement>(),
    };
}
