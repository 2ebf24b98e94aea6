using Bridge.Adapters.OpcUa.Stack.Messages;

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

    public void DeriveKeys(byte[]? clientNonce, byte[]? serverNonce)
    {
    }

    public int MaxBodySize(int chunkSize, int headerSize, bool asymmetric) => chunkSize - headerSize;

    public int Protect(byte[] chunk, int length, int securedFrom, bool asymmetric) => length;

    public ReadOnlyMemory<byte> Unprotect(ReadOnlyMemory<byte> chunk, int securedFrom, bool asymmetric) => chunk[securedFrom..];
}
