using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The values read (Part 4, 5.10.2).</summary>
public sealed class ReadResponse : IEncodeable<ReadResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 634;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public DataValue[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteArray(Results, static (e, v) => e.WriteDataValue(v));
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static ReadResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadArray(static d => d.ReadDataValue()) ?? [],
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
