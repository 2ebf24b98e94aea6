using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The result of activating a session (Part 4, 5.6.3).</summary>
public sealed class ActivateSessionResponse : IEncodeable<ActivateSessionResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 470;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public byte[]? ServerNonce { get; init; }

    public StatusCode[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteByteString(ServerNonce);
        encoder.WriteArray(Results, static (e, v) => e.WriteStatusCode(v));
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static ActivateSessionResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        ServerNonce = decoder.ReadByteString(),
        Results = decoder.ReadArray(static d => d.ReadStatusCode()) ?? [],
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
