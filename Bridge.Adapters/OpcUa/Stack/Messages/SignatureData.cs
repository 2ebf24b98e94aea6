using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A digital signature (Part 4, 7.36); empty for SecurityPolicy None.</summary>
public sealed class SignatureData : IEncodeable<SignatureData>
{
    public static uint BinaryEncodingId => 458;

    public string? Algorithm { get; init; }

    public byte[]? Signature { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteString(Algorithm);
        encoder.WriteByteString(Signature);
    }

    public static SignatureData Decode(BinaryDecoder decoder) => new()
    {
        Algorithm = decoder.ReadString(),
        Signature = decoder.ReadByteString(),
    };
}
