using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;

namespace Bridge.Tests.OpcUa.Stack.Messages;

public class NotificationMessageTests
{
    private static readonly DateTime At = new(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);

    private static NotificationMessage Message() => new()
    {
        SequenceNumber = 7,
        PublishTime = At,
        NotificationData =
        [
            ExtensionObject.FromEncodeable(new DataChangeNotification
            {
                MonitoredItems = [.. Enumerable.Range(1, 3).Select(i => new MonitoredItemNotification { ClientHandle = (uint)i, Value = new DataValue(Variant.From(i * 1.5)) { SourceTimestamp = At } })],
            }),
            ExtensionObject.FromEncodeable(new StatusChangeNotification { Status = new StatusCode(StatusCodes.BadTimeout) }),
        ],
    };

    private static byte[] Encode(NotificationMessage message)
    {
        var encoder = new BinaryEncoder();
        message.Encode(encoder);
        return encoder.ToArray();
    }

    [Fact]
    public void ValueChanges_DecodedInPlace_ReadBackAndEncodeToTheSameBytes()
    {
        var bytes = Encode(Message());
        var decoded = NotificationMessage.Decode(new BinaryDecoder(bytes));
        decoded.NotificationData[0].TryDecodeBody<DataChangeNotification>(DecodingLimits.Default, out var change).ShouldBeTrue();
        change!.MonitoredItems.Select(m => (m.ClientHandle, (double)m.Value.Value.Value!)).ShouldBe([(1u, 1.5), (2u, 3.0), (3u, 4.5)]);
        decoded.NotificationData[0].TryDecodeBody<EventNotificationList>(DecodingLimits.Default, out _).ShouldBeFalse();
        decoded.NotificationData[1].TryDecodeBody<StatusChangeNotification>(DecodingLimits.Default, out var status).ShouldBeTrue();
        status!.Status.Name.ShouldBe("BadTimeout");
        Encode(decoded).ShouldBe(bytes, "a decoded body is encoded again when the message is");
        decoded.NotificationData[0].ShouldBe(Message().NotificationData[0]);
    }

    [Fact]
    public void ValueChangesThatOverrunTheirBody_AreADecodingError()
    {
        var bytes = Encode(Message());
        // The body length of the first ExtensionObject (after sequence number, publish time, array length, NodeId 811 (4 bytes), encoding byte).
        var lengthAt = 4 + 8 + 4 + 4 + 1;
        BitConverter.ToInt32(bytes, lengthAt).ShouldBeGreaterThan(10);
        BitConverter.GetBytes(10).CopyTo(bytes, lengthAt);
        Should.Throw<OpcUaDecodingException>(() => NotificationMessage.Decode(new BinaryDecoder(bytes)));
    }
}
