using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The result of each deletion (Part 4, 5.13.8).</summary>
public sealed class DeleteSubscriptionsResponse : IEncodeable<DeleteSubscriptionsResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 850;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public StatusCode[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteArray(Results, static (e, v) => e.WriteStatusCode(v));
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static DeleteSubscriptionsResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadArray(static d => d.ReadStatusCode()) ?? [],
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
