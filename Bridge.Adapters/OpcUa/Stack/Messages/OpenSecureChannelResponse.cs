using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The token of an opened or renewed secure channel (Part 4, 5.5.2).</summary>
public sealed class OpenSecureChannelResponse : IEncodeable<OpenSecureChannelResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 449;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public uint ServerProtocolVersion { get; init; }

    public ChannelSecurityToken SecurityToken { get; init; } = new();

    public byte[]? ServerNonce { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteUInt32(ServerProtocolVersion);
        SecurityToken.Encode(encoder);
        encoder.WriteByteString(ServerNonce);
    }

    public static OpenSecureChannelResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        ServerProtocolVersion = decoder.ReadUInt32(),
        SecurityToken = ChannelSecurityToken.Decode(decoder),
        ServerNonce = decoder.ReadByteString(),
    };
}
