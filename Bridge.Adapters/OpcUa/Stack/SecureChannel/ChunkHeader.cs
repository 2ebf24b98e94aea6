using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>The parsed headers of a received secure-conversation chunk (Part 6, 6.7.2).</summary>
internal readonly record struct ChunkHeader(uint ChannelId, string? SecurityPolicyUri, uint TokenId, uint SequenceNumber, uint RequestId, int BodyOffset)
{
    /// <summary>Parses what follows the 8-byte UA-TCP header of an OPN (asymmetric) or MSG/CLO (symmetric) chunk.</summary>
    public static ChunkHeader Parse(ReadOnlyMemory<byte> chunkBody, bool asymmetric)
    {
        var decoder = new BinaryDecoder(chunkBody, new DecodingLimits { MaxStringLength = 256, MaxByteStringLength = 16384 });
        var channelId = decoder.ReadUInt32();
        string? policy = null;
        uint tokenId = 0;
        if (asymmetric)
        {
            policy = decoder.ReadString();
            decoder.ReadByteString();
            decoder.ReadByteString();
        }
        else
        {
            tokenId = decoder.ReadUInt32();
        }
        return new ChunkHeader(channelId, policy, tokenId, decoder.ReadUInt32(), decoder.ReadUInt32(), decoder.Position);
    }
}
