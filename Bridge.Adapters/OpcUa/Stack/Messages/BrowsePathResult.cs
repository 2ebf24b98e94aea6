using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The targets of one browse path (Part 4, 5.8.4).</summary>
public sealed class BrowsePathResult : IEncodeable<BrowsePathResult>
{
    public static uint BinaryEncodingId => 551;

    public StatusCode StatusCode { get; init; }

    public BrowsePathTarget[] Targets { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteEncodeableArray(Targets);
    }

    public static BrowsePathResult Decode(BinaryDecoder decoder) => new()
    {
        StatusCode = decoder.ReadStatusCode(),
        Targets = decoder.ReadEncodeableArray<BrowsePathTarget>(),
    };
}
