using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The session the server created (Part 4, 5.6.2).</summary>
public sealed class CreateSessionResponse : IEncodeable<CreateSessionResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 464;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public NodeId SessionId { get; init; } = Codec.NodeId.Null;

    public NodeId AuthenticationToken { get; init; } = Codec.NodeId.Null;

    public double RevisedSessionTimeout { get; init; }

    public byte[]? ServerNonce { get; init; }

    public byte[]? ServerCertificate { get; init; }

    public EndpointDescription[] ServerEndpoints { get; init; } = [];

    public SignedSoftwareCertificate[] ServerSoftwareCertificates { get; init; } = [];

    public SignatureData ServerSignature { get; init; } = new();

    public uint MaxRequestMessageSize { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteNodeId(SessionId);
        encoder.WriteNodeId(AuthenticationToken);
        encoder.WriteDouble(RevisedSessionTimeout);
        encoder.WriteByteString(ServerNonce);
        encoder.WriteByteString(ServerCertificate);
        encoder.WriteEncodeableArray(ServerEndpoints);
        encoder.WriteEncodeableArray(ServerSoftwareCertificates);
        ServerSignature.Encode(encoder);
        encoder.WriteUInt32(MaxRequestMessageSize);
    }

    public static CreateSessionResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        SessionId = decoder.ReadNodeId(),
        AuthenticationToken = decoder.ReadNodeId(),
        RevisedSessionTimeout = decoder.ReadDouble(),
        ServerNonce = decoder.ReadByteString(),
        ServerCertificate = decoder.ReadByteString(),
        ServerEndpoints = decoder.ReadEncodeableArray<EndpointDescription>(),
        ServerSoftwareCertificates = decoder.ReadEncodeableArray<SignedSoftwareCertificate>(),
        ServerSignature = SignatureData.Decode(decoder),
        MaxRequestMessageSize = decoder.ReadUInt32(),
    };
}
