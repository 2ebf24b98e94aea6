using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The results of resolving browse paths (Part 4, 5.8.4).</summary>
public sealed class TranslateBrowsePathsToNodeIdsResponse : IEncodeable<TranslateBrowsePathsToNodeIdsResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 557;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public BrowsePathResult[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteEncodeableArray(Results);
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static TranslateBrowsePathsToNodeIdsResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadEncodeableArray<BrowsePathResult>(),
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
