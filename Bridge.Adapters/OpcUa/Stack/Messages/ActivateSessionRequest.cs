using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Activates a session with a user identity, also on a new secure channel (Part 4, 5.6.3).</summary>
public sealed class ActivateSessionRequest : IEncodeable<ActivateSessionRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 467;

    public RequestHeader RequestHeader { get; set; } = new();

    public SignatureData ClientSignature { get; init; } = new();

    public SignedSoftwareCertificate[] ClientSoftwareCertificates { get; init; } = [];

    public string?[] LocaleIds { get; init; } = [];

    public ExtensionObject UserIdentityToken { get; init; } = ExtensionObject.Null;

    public SignatureData UserTokenSignature { get; init; } = new();

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        ClientSignature.Encode(encoder);
        encoder.WriteEncodeableArray(ClientSoftwareCertificates);
        encoder.WriteArray(LocaleIds, static (e, v) => e.WriteString(v));
        encoder.WriteExtensionObject(UserIdentityToken);
        UserTokenSignature.Encode(encoder);
    }

    public static ActivateSessionRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        ClientSignature = SignatureData.Decode(decoder),
        ClientSoftwareCertificates = decoder.ReadEncodeableArray<SignedSoftwareCertificate>(),
        LocaleIds = decoder.ReadArray(static d => d.ReadString()) ?? [],
        UserIdentityToken = decoder.ReadExtensionObject(),
        UserTokenSignature = SignatureData.Decode(decoder),
    };
}
