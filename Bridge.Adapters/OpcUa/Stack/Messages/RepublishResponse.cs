using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The notification message asked for again (Part 4, 5.13.6).</summary>
public sealed class RepublishResponse : IEncodeable<RepublishResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 835;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public NotificationMessage NotificationMessage { get; init; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        NotificationMessage.Encode(encoder);
    }

    public static RepublishResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        NotificationMessage = NotificationMessage.Decode(decoder),
    };
}
