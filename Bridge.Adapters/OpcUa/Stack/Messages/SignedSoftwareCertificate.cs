using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A software certificate with its signature (Part 4, 7.37).</summary>
public sealed class SignedSoftwareCertificate : IEncodeable<SignedSoftwareCertificate>
{
    public static uint BinaryEncodingId => 346;

    public byte[]? CertificateData { get; init; }

    public byte[]? Signature { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteByteString(CertificateData);
        encoder.WriteByteString(Signature);
    }

    public static SignedSoftwareCertificate Decode(BinaryDecoder decoder) => new()
    {
        CertificateData = decoder.ReadByteString(),
        Signature = decoder.ReadByteString(),
    };
}
