using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Identifies a user by an X.509 certificate (Part 4, 7.41.5); the UserTokenSignature proves the key.</summary>
public sealed class X509IdentityToken : IEncodeable<X509IdentityToken>
{
    public static uint BinaryEncodingId => 327;

    public string? PolicyId { get; init; }

    public byte[]? CertificateData { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteString(PolicyId);
        encoder.WriteByteString(CertificateData);
    }

    public static X509IdentityToken Decode(BinaryDecoder decoder) => new()
    {
        PolicyId = decoder.ReadString(),
        CertificateData = decoder.ReadByteString(),
    };
}
