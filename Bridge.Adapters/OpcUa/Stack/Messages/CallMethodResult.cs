using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The outcome and output arguments of one method call (Part 4, 5.11.2).</summary>
public sealed class CallMethodResult : IEncodeable<CallMethodResult>
{
    public static uint BinaryEncodingId => 709;

    public StatusCode StatusCode { get; init; }

    public StatusCode[] InputArgumentResults { get; init; } = [];

    public DiagnosticInfo?[] InputArgumentDiagnosticInfos { get; init; } = [];

    public Variant[] OutputArguments { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteArray(InputArgumentResults, static (e, v) => e.WriteStatusCode(v));
        encoder.WriteArray(InputArgumentDiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
        encoder.WriteArray(OutputArguments, static (e, v) => e.WriteVariant(v));
    }

    public static CallMethodResult Decode(BinaryDecoder decoder) => new()
    {
        StatusCode = decoder.ReadStatusCode(),
        InputArgumentResults = decoder.ReadArray(static d => d.ReadStatusCode()) ?? [],
        InputArgumentDiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
        OutputArguments = decoder.ReadArray(static d => d.ReadVariant()) ?? [],
    };
}
