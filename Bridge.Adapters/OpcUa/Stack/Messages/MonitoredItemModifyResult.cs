using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The outcome of modifying one monitored item (Part 4, 5.12.3).</summary>
public sealed class MonitoredItemModifyResult : IEncodeable<MonitoredItemModifyResult>
{
    public static uint BinaryEncodingId => 760;

    public StatusCode StatusCode { get; init; }

    public double RevisedSamplingInterval { get; init; }

    public uint RevisedQueueSize { get; init; }

    public ExtensionObject FilterResult { get; init; } = ExtensionObject.Null;

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteDouble(RevisedSamplingInterval);
        encoder.WriteUInt32(RevisedQueueSize);
        encoder.WriteExtensionObject(FilterResult);
    }

    public static MonitoredItemModifyResult Decode(BinaryDecoder decoder) => new()
    {
        StatusCode = decoder.ReadStatusCode(),
        RevisedSamplingInterval = decoder.ReadDouble(),
        RevisedQueueSize = decoder.ReadUInt32(),
        FilterResult = decoder.ReadExtensionObject(),
    };
}
