using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The modified monitored items (Part 4, 5.12.3).</summary>
public sealed class ModifyMonitoredItemsResponse : IEncodeable<ModifyMonitoredItemsResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 766;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public MonitoredItemModifyResult[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteEncodeableArray(Results);
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static ModifyMonitoredItemsResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        Results = decoder.ReadEncodeableArray<MonitoredItemModifyResult>(),
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
