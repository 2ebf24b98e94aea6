using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Identifies the keys of a secure channel and how long they live (Part 4, 5.5.2).</summary>
public sealed class ChannelSecurityToken : IEncodeable<ChannelSecurityToken>
{
    public static uint BinaryEncodingId => 443;

    public uint ChannelId { get; init; }

    public uint TokenId { get; init; }

    public DateTime CreatedAt { get; init; }

    public uint RevisedLifetime { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteUInt32(ChannelId);
        encoder.WriteUInt32(TokenId);
        encoder.WriteDateTime(CreatedAt);
        encoder.WriteUInt32(RevisedLifetime);
    }

    public static ChannelSecurityToken Decode(BinaryDecoder decoder) => new()
    {
        ChannelId = decoder.ReadUInt32(),
        TokenId = decoder.ReadUInt32(),
        CreatedAt = decoder.ReadDateTime(),
        RevisedLifetime = decoder.ReadUInt32(),
    };
}
