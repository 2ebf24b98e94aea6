using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>
/// The seam where message security plugs into the secure channel (Part 6, 6.7). A policy holds the certificates and
/// algorithms, not the keys: the channel keeps one <see cref="ChannelKeys"/> per security token, so a renewed
/// channel still reads chunks secured with the previous token. SecurityPolicy None implements it with no-ops.
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

    /// <summary>The symmetric keys of a token once the server's nonce is known; null for None.</summary>
    ChannelKeys? DeriveKeys(byte[]? clientNonce, byte[]? serverNonce);

    /// <summary>How many body bytes fit in a chunk of <paramref name="chunkSize"/> after headers, padding and signature.</summary>
    int MaxBodySize(int chunkSize, int headerSize, bool asymmetric);

    /// <summary>Pads, signs and encrypts a finished chunk from <paramref name="securedFrom"/> (where the sequence header starts).</summary>
    ReadOnlyMemory<byte> Protect(byte[] chunk, int length, int securedFrom, ChannelKeys? keys, bool asymmetric);

    /// <summary>Decrypts and verifies a received chunk; returns the sequence header and body without padding or signature.</summary>
    ReadOnlyMemory<byte> Unprotect(ReadOnlyMemory<byte> chunk, int securedFrom, ChannelKeys? keys, bool asymmetric);

    /// <summary>Checks the asymmetric security header of a received OpenSecureChannel response.</summary>
    void CheckAsymmetricHeader(string? policyUri, byte[]? senderCertificate, byte[]? receiverCertificateThumbprint);
}
