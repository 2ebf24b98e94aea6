using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>An item to monitor (Part 4, 5.12.2).</summary>
public sealed class MonitoredItemCreateRequest : IEncodeable<MonitoredItemCreateRequest>
{
    public static uint BinaryEncodingId => 743;

    public ReadValueId ItemToMonitor { get; init; } = new();

    public MonitoringMode MonitoringMode { get; init; }

    public MonitoringParameters RequestedParameters { get; init; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        ItemToMonitor.Encode(encoder);
        encoder.WriteInt32((int)MonitoringMode);
        RequestedParameters.Encode(encoder);
    }

    public static MonitoredItemCreateRequest Decode(BinaryDecoder decoder) => new()
    {
        ItemToMonitor = ReadValueId.Decode(decoder),
        MonitoringMode = (MonitoringMode)decoder.ReadInt32(),
        RequestedParameters = MonitoringParameters.Decode(decoder),
    };
}
