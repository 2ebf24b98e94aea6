using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>An endpoint of a server with its security settings (Part 4, 7.14).</summary>
public sealed class EndpointDescription : IEncodeable<EndpointDescription>
{
    public static uint BinaryEncodingId => 314;

    public string? EndpointUrl { get; init; }

    public ApplicationDescription Server { get; init; } = new();

    public byte[]? ServerCertificate { get; init; }

    public MessageSecurityMode SecurityMode { get; init; }

    public string? SecurityPolicyUri { get; init; }

    public UserTokenPolicy[] UserIdentityTokens { get; init; } = [];

    public string? TransportProfileUri { get; init; }

    public byte SecurityLevel { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteString(EndpointUrl);
        Server.Encode(encoder);
        encoder.WriteByteString(ServerCertificate);
        encoder.WriteInt32((int)SecurityMode);
        encoder.WriteString(SecurityPolicyUri);
        encoder.WriteEncodeableArray(UserIdentityTokens);
        encoder.WriteString(TransportProfileUri);
        encoder.WriteByte(SecurityLevel);
    }

    public static EndpointDescription Decode(BinaryDecoder decoder) => new()
    {
        EndpointUrl = decoder.ReadString(),
        Server = ApplicationDescription.Decode(decoder),
        ServerCertificate = decoder.ReadByteString(),
        SecurityMode = (MessageSecurityMode)decoder.ReadInt32(),
        SecurityPolicyUri = decoder.ReadString(),
        UserIdentityTokens = decoder.ReadEncodeableArray<UserTokenPolicy>(),
        TransportProfileUri = decoder.ReadString(),
        SecurityLevel = decoder.ReadByte(),
    };
}
