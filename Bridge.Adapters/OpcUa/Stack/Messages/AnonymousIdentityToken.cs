using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Identifies an anonymous user (Part 4, 7.41.3).</summary>
public sealed class AnonymousIdentityToken : IEncodeable<AnonymousIdentityToken>
{
    public static uint BinaryEncodingId => 321;

    public string? PolicyId { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteString(PolicyId);
    }

    public static AnonymousIdentityToken Decode(BinaryDecoder decoder) => new()
    {
        PolicyId = decoder.ReadString(),
    };
}
