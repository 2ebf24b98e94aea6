using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A kind of user identity an endpoint accepts (Part 4, 7.42).</summary>
public sealed class UserTokenPolicy : IEncodeable<UserTokenPolicy>
{
    public static uint BinaryEncodingId => 306;

    public string? PolicyId { get; init; }

    public UserTokenType TokenType { get; init; }

    public string? IssuedTokenType { get; init; }

    public string? IssuerEndpointUrl { get; init; }

    public string? SecurityPolicyUri { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteString(PolicyId);
        encoder.WriteInt32((int)TokenType);
        encoder.WriteString(IssuedTokenType);
        encoder.WriteString(IssuerEndpointUrl);
        encoder.WriteString(SecurityPolicyUri);
    }

    public static UserTokenPolicy Decode(BinaryDecoder decoder) => new()
    {
        PolicyId = decoder.ReadString(),
        TokenType = (UserTokenType)decoder.ReadInt32(),
        IssuedTokenType = decoder.ReadString(),
        IssuerEndpointUrl = decoder.ReadString(),
        SecurityPolicyUri = decoder.ReadString(),
    };
}
