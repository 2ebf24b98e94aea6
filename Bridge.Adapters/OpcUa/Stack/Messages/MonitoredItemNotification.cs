using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>
/// A new value of a monitored item (Part 4, 7.25.2). A struct: one is decoded per value change, and as an element of
/// <see cref="DataChangeNotification.MonitoredItems"/> it needs no object of its own.
/// </summary>
public readonly record struct MonitoredItemNotification : IEncodeable<MonitoredItemNotification>
{
    public MonitoredItemNotification() { }

    public MonitoredItemNotification(uint clientHandle, DataValue value)
    {
        ClientHandle = clientHandle;
        Value = value;
    }

    public static uint BinaryEncodingId => 808;

    public uint ClientHandle { get; init; }

    public DataValue Value { get; init; } = DataValue.Empty;

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteUInt32(ClientHandle);
        encoder.WriteDataValue(Value);
    }

    public static MonitoredItemNotification Decode(BinaryDecoder decoder) => new(decoder.ReadUInt32(), decoder.ReadDataValue());
}
