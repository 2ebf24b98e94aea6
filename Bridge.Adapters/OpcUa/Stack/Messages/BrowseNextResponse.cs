using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The next references for continuation points (Part 4, 5.8.3).</summary>
public sealed class BrowseNextResponse : IEncodeable<BrowseNextResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 536;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public BrowseResult[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteEncodeableArray(Results);
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static BrowseNextResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadEncodeableArray<BrowseResult>(),
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
