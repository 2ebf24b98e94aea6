using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Creates a session (Part 4, 5.6.2).</summary>
public sealed class CreateSessionRequest : IEncodeable<CreateSessionRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 461;

    public RequestHeader RequestHeader { get; set; } = new();

    public ApplicationDescription ClientDescription { get; init; } = new();

    public string? ServerUri { get; init; }

    public string? EndpointUrl { get; init; }

    public string? SessionName { get; init; }

    public byte[]? ClientNonce { get; init; }

    public byte[]? ClientCertificate { get; init; }

    public double RequestedSessionTimeout { get; init; }

    public uint MaxResponseMessageSize { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        ClientDescription.Encode(encoder);
        encoder.WriteString(ServerUri);
        encoder.WriteString(EndpointUrl);
        encoder.WriteString(SessionName);
        encoder.WriteByteString(ClientNonce);
        encoder.WriteByteString(ClientCertificate);
        encoder.WriteDouble(RequestedSessionTimeout);
        encoder.WriteUInt32(MaxResponseMessageSize);
    }

    public static CreateSessionRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        ClientDescription = ApplicationDescription.Decode(decoder),
        ServerUri = decoder.ReadString(),
        EndpointUrl = decoder.ReadString(),
        SessionName = decoder.ReadString(),
        ClientNonce = decoder.ReadByteString(),
        ClientCertificate = decoder.ReadByteString(),
        RequestedSessionTimeout = decoder.ReadDouble(),
        MaxResponseMessageSize = decoder.ReadUInt32(),
    };
}
