using Bridge.Adapters.OpcUa.Stack.Messages;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>
/// The seam where message security plugs into the secure channel (Part 6, 6.7). SecurityPolicy None implements
/// it with no-ops; Basic256Sha256 will sign and encrypt chunks in place and derive keys from the nonces.
/// </summary>
public interface IChannelSecurityPolicy
{
    string PolicyUri { get; }

    MessageSecurityMode SecurityMode { get; }

    /// <summary>SenderCertificate of the asymmetric security header; null for None.</summary>
    byte[]? SenderCertificate { get; }

    /// <summary>ReceiverCertificateThumbprint of the asymmetric security header; null for None.</summary>
    byte[]? ReceiverCertificateThumbprint { get; }

    /// <summary>The client nonce for OpenSecureChannel; null for None.</summary>
    byte[]? CreateClientNonce();

    /// <summary>Derives the symmetric keys once the server's nonce is known.</summary>
    void DeriveKeys(byte[]? clientNonce, byte[]? serverNonce);

    /// <summary>How many body bytes fit in a chunk of <paramref name="chunkSize"/> after headers, padding and signature.</summary>
    int MaxBodySize(int chunkSize, int headerSize, bool asymmetric);

    /// <summary>Signs and encrypts a finished chunk from <paramref name="securedFrom"/>; returns the chunk's new length.</summary>
    int Protect(byte[] chunk, int length, int securedFrom, bool asymmetric);

    /// <summary>Verifies and decrypts a received chunk; returns the plain bytes from <paramref name="securedFrom"/> without padding or signature.</summary>
    ReadOnlyMemory<byte> Unprotect(ReadOnlyMemory<byte> chunk, int securedFrom, bool asymmetric);
}
