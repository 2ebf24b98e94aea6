using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>New parameters for one monitored item (Part 4, 5.12.3).</summary>
public sealed class MonitoredItemModifyRequest : IEncodeable<MonitoredItemModifyRequest>
{
    public static uint BinaryEncodingId => 757;

    public uint MonitoredItemId { get; init; }

    public MonitoringParameters RequestedParameters { get; init; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteUInt32(MonitoredItemId);
        RequestedParameters.Encode(encoder);
    }

    public static MonitoredItemModifyRequest Decode(BinaryDecoder decoder) => new()
    {
        MonitoredItemId = decoder.ReadUInt32(),
        RequestedParameters = MonitoringParameters.Decode(decoder),
    };
}
