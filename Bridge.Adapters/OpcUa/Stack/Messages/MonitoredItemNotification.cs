using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A new value of a monitored item (Part 4, 7.25.2).</summary>
public sealed class MonitoredItemNotification : IEncodeable<MonitoredItemNotification>
{
    public static uint BinaryEncodingId => 808;

    public uint ClientHandle { get; init; }

    // The shared empty value, not a new one: Decode replaces it at once, and an allocation per notification showed.
    public DataValue Value { get; init; } = DataValue.Empty;

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteUInt32(ClientHandle);
        encoder.WriteDataValue(Value);
    }

    public static MonitoredItemNotification Decode(BinaryDecoder decoder) => new()
    {
        ClientHandle = decoder.ReadUInt32(),
        Value = decoder.ReadDataValue(),
    };
}
