using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Identifies a user by name and password (Part 4, 7.41.4).</summary>
public sealed class UserNameIdentityToken : IEncodeable<UserNameIdentityToken>
{
    public static uint BinaryEncodingId => 324;

    public string? PolicyId { get; init; }

    public string? UserName { get; init; }

    public byte[]? Password { get; init; }

    public string? EncryptionAlgorithm { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteString(PolicyId);
        encoder.WriteString(UserName);
        encoder.WriteByteString(Password);
        encoder.WriteString(EncryptionAlgorithm);
    }

    public static UserNameIdentityToken Decode(BinaryDecoder decoder) => new()
    {
        PolicyId = decoder.ReadString(),
        UserName = decoder.ReadString(),
        Password = decoder.ReadByteString(),
        EncryptionAlgorithm = decoder.ReadString(),
    };
}
