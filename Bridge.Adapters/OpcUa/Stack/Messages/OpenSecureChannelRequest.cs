using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Opens or renews a secure channel (Part 4, 5.5.2).</summary>
public sealed class OpenSecureChannelRequest : IEncodeable<OpenSecureChannelRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 446;

    public RequestHeader RequestHeader { get; set; } = new();

    public uint ClientProtocolVersion { get; init; }

    public SecurityTokenRequestType RequestType { get; init; }

    public MessageSecurityMode SecurityMode { get; init; }

    public byte[]? ClientNonce { get; init; }

    public uint RequestedLifetime { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(ClientProtocolVersion);
        encoder.WriteInt32((int)RequestType);
        encoder.WriteInt32((int)SecurityMode);
        encoder.WriteByteString(ClientNonce);
        encoder.WriteUInt32(RequestedLifetime);
    }

    public static OpenSecureChannelRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        ClientProtocolVersion = decoder.ReadUInt32(),
        RequestType = (SecurityTokenRequestType)decoder.ReadInt32(),
        SecurityMode = (MessageSecurityMode)decoder.ReadInt32(),
        ClientNonce = decoder.ReadByteString(),
        RequestedLifetime = decoder.ReadUInt32(),
    };
}
