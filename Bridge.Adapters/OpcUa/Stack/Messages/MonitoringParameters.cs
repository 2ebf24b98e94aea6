using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Sampling and queueing of a monitored item (Part 4, 7.21).</summary>
public sealed class MonitoringParameters : IEncodeable<MonitoringParameters>
{
    public static uint BinaryEncodingId => 740;

    public uint ClientHandle { get; init; }

    public double SamplingInterval { get; init; }

    public ExtensionObject Filter { get; init; } = ExtensionObject.Null;

    public uint QueueSize { get; init; }

    public bool DiscardOldest { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteUInt32(ClientHandle);
        encoder.WriteDouble(SamplingInterval);
        encoder.WriteExtensionObject(Filter);
        encoder.WriteUInt32(QueueSize);
        encoder.WriteBoolean(DiscardOldest);
    }

    public static MonitoringParameters Decode(BinaryDecoder decoder) => new()
    {
        ClientHandle = decoder.ReadUInt32(),
        SamplingInterval = decoder.ReadDouble(),
        Filter = decoder.ReadExtensionObject(),
        QueueSize = decoder.ReadUInt32(),
        DiscardOldest = decoder.ReadBoolean(),
    };
}
