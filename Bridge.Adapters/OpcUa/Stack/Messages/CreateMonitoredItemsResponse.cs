using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The created monitored items (Part 4, 5.12.2).</summary>
public sealed class CreateMonitoredItemsResponse : IEncodeable<CreateMonitoredItemsResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 754;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public MonitoredItemCreateResult[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteEncodeableArray(Results);
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static CreateMonitoredItemsResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadEncodeableArray<MonitoredItemCreateResult>(),
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
