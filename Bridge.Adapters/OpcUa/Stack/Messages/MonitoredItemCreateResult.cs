using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The outcome of creating one monitored item (Part 4, 5.12.2).</summary>
public sealed class MonitoredItemCreateResult : IEncodeable<MonitoredItemCreateResult>
{
    public static uint BinaryEncodingId => 746;

    public StatusCode StatusCode { get; init; }

    public uint MonitoredItemId { get; init; }

    public double RevisedSamplingInterval { get; init; }

    public uint RevisedQueueSize { get; init; }

    public ExtensionObject FilterResult { get; init; } = ExtensionObject.Null;

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteUInt32(MonitoredItemId);
        encoder.WriteDouble(RevisedSamplingInterval);
        encoder.WriteUInt32(RevisedQueueSize);
        encoder.WriteExtensionObject(FilterResult);
    }

    public static MonitoredItemCreateResult Decode(BinaryDecoder decoder) => new()
    {
        StatusCode = decoder.ReadStatusCode(),
        MonitoredItemId = decoder.ReadUInt32(),
        RevisedSamplingInterval = decoder.ReadDouble(),
        RevisedQueueSize = decoder.ReadUInt32(),
        FilterResult = decoder.ReadExtensionObject(),
    };
}
