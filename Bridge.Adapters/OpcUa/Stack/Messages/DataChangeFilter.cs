using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Which value changes are reported, with an optional absolute or percent deadband (Part 4, 7.22.2).</summary>
public sealed class DataChangeFilter : IEncodeable<DataChangeFilter>
{
    public static uint BinaryEncodingId => 724;

    public DataChangeTrigger Trigger { get; init; }

    public uint DeadbandType { get; init; }

    public double DeadbandValue { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteInt32((int)Trigger);
        encoder.WriteUInt32(DeadbandType);
        encoder.WriteDouble(DeadbandValue);
    }

    public static DataChangeFilter Decode(BinaryDecoder decoder) => new()
    {
        Trigger = (DataChangeTrigger)decoder.ReadInt32(),
        DeadbandType = decoder.ReadUInt32(),
        DeadbandValue = decoder.ReadDouble(),
    };
}
