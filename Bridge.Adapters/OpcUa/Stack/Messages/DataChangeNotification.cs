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
        MonitoredItems = ReadMonitoredItems(decoder),
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };

    // The array of every value change, read in one loop rather than through a delegate per element.
    private static MonitoredItemNotification[] ReadMonitoredItems(BinaryDecoder decoder)
    {
        var length = decoder.ReadLength("Array", decoder.Limits.MaxArrayLength);
        if (length <= 0)
        {
            return [];
        }
        var items = new MonitoredItemNotification[length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new MonitoredItemNotification(decoder.ReadUInt32(), decoder.ReadDataValue());
        }
        return items;
    }
}
