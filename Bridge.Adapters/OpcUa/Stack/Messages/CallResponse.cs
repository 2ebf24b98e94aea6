using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The results of the method calls (Part 4, 5.11.2).</summary>
public sealed class CallResponse : IEncodeable<CallResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 715;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public CallMethodResult[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteEncodeableArray(Results);
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static CallResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadEncodeableArray<CallMethodResult>(),
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
