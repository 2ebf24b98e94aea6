using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>
/// The clear headers of a received secure-conversation chunk (Part 6, 6.7.2): channel id and the asymmetric or
/// symmetric security header. The sequence header after them may be encrypted; it starts at <see cref="SecuredFrom"/>.
/// </summary>
internal readonly record struct ChunkHeader(uint ChannelId, string? SecurityPolicyUri, byte[]? SenderCertificate, byte[]? ReceiverCertificateThumbprint, uint TokenId, int SecuredFrom)
{
    /// <summary>Parses the headers of a whole OPN (asymmetric) or MSG/CLO (symmetric) chunk.</summary>
    public static ChunkHeader Parse(ReadOnlyMemory<byte> chunk, bool asymmetric)
    {
        var decoder = new BinaryDecoder(chunk[8..], new DecodingLimits { MaxStringLength = 256, MaxByteStringLength = 16384 });
        var channelId = decoder.ReadUInt32();
        if (!asymmetric)
        {
            var tokenId = decoder.ReadUInt32();
            return new ChunkHeader(channelId, null, null, null, tokenId, 8 + decoder.Position);
        }
        var policy = decoder.ReadString();
        var sender = decoder.ReadByteString();
        var thumbprint = decoder.ReadByteString();
        return new ChunkHeader(channelId, policy, sender, thumbprint, 0, 8 + decoder.Position);
    }
}
