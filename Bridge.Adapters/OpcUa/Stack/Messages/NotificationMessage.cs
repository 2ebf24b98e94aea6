using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A numbered batch of notifications from a subscription (Part 4, 7.24).</summary>
public sealed class NotificationMessage : IEncodeable<NotificationMessage>
{
    public static uint BinaryEncodingId => 805;

    public uint SequenceNumber { get; init; }

    public DateTime PublishTime { get; init; }

    public ExtensionObject[] NotificationData { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteUInt32(SequenceNumber);
        encoder.WriteDateTime(PublishTime);
        encoder.WriteArray(NotificationData, static (e, v) => e.WriteExtensionObject(v));
    }

    public static NotificationMessage Decode(BinaryDecoder decoder) => new()
    {
        SequenceNumber = decoder.ReadUInt32(),
        PublishTime = decoder.ReadDateTime(),
        // Value changes are decoded where they lie in the message; other notifications keep their bytes until asked.
        NotificationData = decoder.ReadArray(static d => d.ReadExtensionObjectDecoding<DataChangeNotification>()) ?? [],
    };
}
