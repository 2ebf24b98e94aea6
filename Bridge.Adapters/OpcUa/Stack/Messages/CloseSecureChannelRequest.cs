using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Closes a secure channel (Part 4, 5.5.3); the server does not answer.</summary>
public sealed class CloseSecureChannelRequest : IEncodeable<CloseSecureChannelRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 452;

    public RequestHeader RequestHeader { get; set; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
    }

    public static CloseSecureChannelRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
    };
}
