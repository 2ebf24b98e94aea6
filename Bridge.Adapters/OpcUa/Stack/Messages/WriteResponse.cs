using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The result of each write (Part 4, 5.10.4).</summary>
public sealed class WriteResponse : IEncodeable<WriteResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 676;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public StatusCode[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteArray(Results, static (e, v) => e.WriteStatusCode(v));
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static WriteResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadArray(static d => d.ReadStatusCode()) ?? [],
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
