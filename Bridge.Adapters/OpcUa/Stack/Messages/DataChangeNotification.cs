using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Value changes of monitored items (Part 4, 7.25.2).</summary>
public sealed class DataChangeNotification : IEncodeable<DataChangeNotification>
{
    public static uint BinaryEncodingId => 811;

    public MonitoredItemNotification[] MonitoredItems { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteEncodeableArray(MonitoredItems);
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static DataChangeNotification Decode(BinaryDecoder decoder) => new()
    {
        MonitoredItems = decoder.ReadEncodeableArray<MonitoredItemNotification>(),
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
