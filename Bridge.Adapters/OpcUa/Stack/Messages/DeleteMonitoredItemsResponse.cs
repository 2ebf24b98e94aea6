using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The result of each deletion (Part 4, 5.12.6).</summary>
public sealed class DeleteMonitoredItemsResponse : IEncodeable<DeleteMonitoredItemsResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 784;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public StatusCode[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteArray(Results, static (e, v) => e.WriteStatusCode(v));
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static DeleteMonitoredItemsResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadArray(static d => d.ReadStatusCode()) ?? [],
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
