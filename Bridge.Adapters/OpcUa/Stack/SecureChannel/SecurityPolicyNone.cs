using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>SecurityPolicy None: no signature, no encryption, no nonces.</summary>
public sealed class SecurityPolicyNone : IChannelSecurityPolicy
{
    public static readonly SecurityPolicyNone Instance = new();

    public string PolicyUri => SecurityPolicyUris.None;

    public MessageSecurityMode SecurityMode => MessageSecurityMode.None;

    public byte[]? SenderCertificate => null;

    public byte[]? ReceiverCertificateThumbprint => null;

    public byte[]? CreateClientNonce() => null;

    public ChannelKeys? DeriveKeys(byte[]? clientNonce, byte[]? serverNonce) => null;

    public int MaxBodySize(int chunkSize, int headerSize, bool asymmetric) => chunkSize - headerSize;

    public ReadOnlyMemory<byte> Protect(byte[] chunk, int length, int securedFrom, ChannelKeys? keys, bool asymmetric) => chunk.AsMemory(0, length);

    public ReadOnlyMemory<byte> Unprotect(ReadOnlyMemory<byte> chunk, int securedFrom, ChannelKeys? keys, bool asymmetric) => chunk[securedFrom..];

    public void CheckAsymmetricHeader(string? policyUri, byte[]? senderCertificate, byte[]? receiverCertificateThumbprint)
    {
        if (!SecurityPolicyUris.IsNone(policyUri))
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadSecurityPolicyRejected), $"Server answered with SecurityPolicy {policyUri} on a None channel");
        }
    }
}
