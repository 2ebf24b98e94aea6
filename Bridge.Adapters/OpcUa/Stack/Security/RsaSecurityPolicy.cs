using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>
/// The RSA security policies (Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss) in mode Sign or
/// SignAndEncrypt (Part 6, 6.7.2 and 6.7.4). OpenSecureChannel chunks are always signed with the client's key and
/// encrypted with the server's; other chunks are signed with HMAC-SHA256 and, for SignAndEncrypt, padded and
/// encrypted with AES-CBC. Every received chunk is decrypted and verified before any byte of it is decoded.
/// </summary>
public sealed class RsaSecurityPolicy : IChannelSecurityPolicy, IDisposable
{
    private readonly RSA ownKey;
    private readonly RSA serverKey;
    private readonly byte[] serverCertificate;

    public RsaSecurityPolicy(SecurityAlgorithms algorithms, MessageSecurityMode mode, X509Certificate2 ownCertificate, byte[] serverCertificateBlob)
    {
        if (mode is not (MessageSecurityMode.Sign or MessageSecurityMode.SignAndEncrypt))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Sign or SignAndEncrypt");
        }
        Algorithms = algorithms;
        SecurityMode = mode;
        ownKey = ownCertificate.GetRSAPrivateKey() ?? throw new ArgumentException("The application certificate has no RSA private key.", nameof(ownCertificate));
        serverCertificate = CertificateBlobs.Leaf(serverCertificateBlob);
        using var server = X509CertificateLoader.LoadCertificate(serverCertificate);
        serverKey = server.GetRSAPublicKey()
            ?? throw new OpcUaException(new StatusCode(StatusCodes.BadCertificateInvalid), "Server certificate has no RSA key");
        SenderCertificate = ownCertificate.RawData;
        ReceiverCertificateThumbprint = SHA1.HashData(serverCertificate);
    }

    public SecurityAlgorithms Algorithms { get; }

    public string PolicyUri => Algorithms.PolicyUri;

    public MessageSecurityMode SecurityMode { get; }

    public byte[]? SenderCertificate { get; }

    public byte[]? ReceiverCertificateThumbprint { get; }

    /// <summary>The server's own certificate (without any chain it sent).</summary>
    public ReadOnlySpan<byte> ServerCertificate => serverCertificate;

    /// <summary>Signs with Bridge's application key (the session's ClientSignature).</summary>
    public byte[] SignAsClient(ReadOnlySpan<byte> data) => Algorithms.Sign(ownKey, data);

    /// <summary>Verifies a signature made with the server's application key (the session's ServerSignature).</summary>
    public bool IsSignedByServer(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => Algorithms.Verify(serverKey, data, signature);

    private int OwnKeyBytes => ownKey.KeySize / 8;

    private int ServerKeyBytes => serverKey.KeySize / 8;

    private bool Encrypts => SecurityMode == MessageSecurityMode.SignAndEncrypt;

    public byte[]? CreateClientNonce() => RandomNumberGenerator.GetBytes(SecurityAlgorithms.NonceLength);

    public ChannelKeys? DeriveKeys(byte[]? clientNonce, byte[]? serverNonce)
    {
        if (clientNonce is null || serverNonce is null || serverNonce.Length != SecurityAlgorithms.NonceLength)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadNonceInvalid), $"Server nonce has {serverNonce?.Length ?? 0} bytes, {Algorithms.ShortName} needs {SecurityAlgorithms.NonceLength}");
        }
        return ChannelKeys.Derive(Algorithms, clientNonce, serverNonce);
    }

    public int MaxBodySize(int chunkSize, int headerSize, bool asymmetric)
    {
        var securedFrom = headerSize - 8;
        if (asymmetric)
        {
            var plainBlock = ServerKeyBytes - Algorithms.AsymmetricEncryptionOverhead;
            var plain = (chunkSize - securedFrom) / ServerKeyBytes * plainBlock;
            return plain - 8 - OwnKeyBytes - 1 - (ServerKeyBytes > 256 ? 1 : 0);
        }
        if (!Encrypts)
        {
            return chunkSize - headerSize - SecurityAlgorithms.SignatureLength;
        }
        var blocks = (chunkSize - securedFrom) / SecurityAlgorithms.BlockSize * SecurityAlgorithms.BlockSize;
        return blocks - 8 - SecurityAlgorithms.SignatureLength - 1;
    }

    public ReadOnlyMemory<byte> Protect(byte[] chunk, int length, int securedFrom, ChannelKeys? keys, bool asymmetric) =>
        asymmetric ? ProtectAsymmetric(chunk, length, securedFrom) : ProtectSymmetric(chunk, length, securedFrom, keys!);

    private byte[] ProtectAsymmetric(byte[] chunk, int length, int securedFrom)
    {
        var plainBlock = ServerKeyBytes - Algorithms.AsymmetricEncryptionOverhead;
        var extra = ServerKeyBytes > 256;
        var padding = ChunkPadding.Count(length - securedFrom, OwnKeyBytes, plainBlock, extra);
        var plainLength = length - securedFrom + padding + 1 + (extra ? 1 : 0) + OwnKeyBytes;
        var total = securedFrom + (plainLength / plainBlock * ServerKeyBytes);
        var plain = new byte[securedFrom + plainLength];
        chunk.AsSpan(0, length).CopyTo(plain);
        BitConverter.TryWriteBytes(plain.AsSpan(4), (uint)total);
        var signedEnd = length + ChunkPadding.Write(plain.AsSpan(length), padding, extra);
        Algorithms.Sign(ownKey, plain.AsSpan(0, signedEnd)).CopyTo(plain, signedEnd);
        var result = new byte[total];
        plain.AsSpan(0, securedFrom).CopyTo(result);
        var to = securedFrom;
        for (var from = securedFrom; from < plain.Length; from += plainBlock)
        {
            to += serverKey.Encrypt(plain.AsSpan(from, plainBlock), result.AsSpan(to), Algorithms.AsymmetricEncryption);
        }
        return result;
    }

    private byte[] ProtectSymmetric(byte[] chunk, int length, int securedFrom, ChannelKeys keys)
    {
        var padding = Encrypts ? ChunkPadding.Count(length - securedFrom, SecurityAlgorithms.SignatureLength, SecurityAlgorithms.BlockSize, false) : -1;
        var total = length + padding + 1 + SecurityAlgorithms.SignatureLength;
        var result = new byte[total];
        chunk.AsSpan(0, length).CopyTo(result);
        BitConverter.TryWriteBytes(result.AsSpan(4), (uint)total);
        var signedEnd = Encrypts ? length + ChunkPadding.Write(result.AsSpan(length), padding, false) : length;
        keys.ClientSigner.Compute(result.AsSpan(0, signedEnd), result.AsSpan(signedEnd));
        if (Encrypts)
        {
            var secured = result.AsSpan(securedFrom);
            keys.ClientCipher.EncryptCbc(secured, keys.ClientIv, secured, PaddingMode.None);
        }
        return result;
    }

    public ReadOnlyMemory<byte> Unprotect(ReadOnlyMemory<byte> chunk, int securedFrom, ChannelKeys? keys, bool asymmetric)
    {
        try
        {
            return asymmetric ? UnprotectAsymmetric(chunk.Span, securedFrom) : UnprotectSymmetric(chunk.Span, securedFrom, keys!);
        }
        catch (CryptographicException ex)
        {
            throw Failed($"cannot decrypt the chunk: {ex.Message}");
        }
    }

    private ReadOnlyMemory<byte> UnprotectAsymmetric(ReadOnlySpan<byte> chunk, int securedFrom)
    {
        var cipherLength = chunk.Length - securedFrom;
        if (cipherLength <= 0 || cipherLength % OwnKeyBytes != 0)
        {
            throw Failed($"encrypted part of {cipherLength} bytes is not a whole number of {OwnKeyBytes}-byte blocks");
        }
        var plain = new byte[chunk.Length];
        chunk[..securedFrom].CopyTo(plain);
        var to = securedFrom;
        for (var from = securedFrom; from < chunk.Length; from += OwnKeyBytes)
        {
            to += ownKey.Decrypt(chunk.Slice(from, OwnKeyBytes), plain.AsSpan(to), Algorithms.AsymmetricEncryption);
        }
        var signatureAt = to - ServerKeyBytes;
        if (signatureAt < securedFrom + 8 || !Algorithms.Verify(serverKey, plain.AsSpan(0, signatureAt), plain.AsSpan(signatureAt, ServerKeyBytes)))
        {
            throw Failed("the OpenSecureChannel response's signature does not match the server certificate");
        }
        var padding = ChunkPadding.Read(plain, signatureAt, OwnKeyBytes > 256);
        if (padding < 0 || signatureAt - padding < securedFrom + 8)
        {
            throw Failed("the OpenSecureChannel response's padding is invalid");
        }
        return plain.AsMemory(securedFrom, signatureAt - padding - securedFrom);
    }

    private ReadOnlyMemory<byte> UnprotectSymmetric(ReadOnlySpan<byte> chunk, int securedFrom, ChannelKeys keys)
    {
        var plain = new byte[chunk.Length];
        chunk.CopyTo(plain);
        if (Encrypts)
        {
            if ((chunk.Length - securedFrom) % SecurityAlgorithms.BlockSize != 0)
            {
                throw Failed($"encrypted part of {chunk.Length - securedFrom} bytes is not a whole number of AES blocks");
            }
            var secured = plain.AsSpan(securedFrom);
            keys.ServerCipher.DecryptCbc(secured, keys.ServerIv, secured, PaddingMode.None);
        }
        var signatureAt = plain.Length - SecurityAlgorithms.SignatureLength;
        if (signatureAt < securedFrom + 8)
        {
            throw Failed("chunk is too short for a sequence header and a signature");
        }
        Span<byte> expected = stackalloc byte[SecurityAlgorithms.SignatureLength];
        keys.ServerSigner.Compute(plain.AsSpan(0, signatureAt), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, plain.AsSpan(signatureAt)))
        {
            throw Failed("chunk signature does not match (altered on the way, or keys out of step)");
        }
        var end = signatureAt;
        if (Encrypts)
        {
            var padding = ChunkPadding.Read(plain, signatureAt, false);
            if (padding < 0 || signatureAt - padding < securedFrom + 8)
            {
                throw Failed("chunk padding is invalid");
            }
            end -= padding;
        }
        return plain.AsMemory(securedFrom, end - securedFrom);
    }

    public void CheckAsymmetricHeader(string? policyUri, byte[]? senderCertificate, byte[]? receiverCertificateThumbprint)
    {
        if (policyUri != PolicyUri)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadSecurityPolicyRejected), $"Server answered with SecurityPolicy {policyUri}, expected {PolicyUri}");
        }
        if (senderCertificate is null || !CertificateBlobs.Leaf(senderCertificate).AsSpan().SequenceEqual(serverCertificate))
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadCertificateInvalid), "Server signed the OpenSecureChannel response with a certificate other than its endpoint's");
        }
        if (receiverCertificateThumbprint is null || !receiverCertificateThumbprint.AsSpan().SequenceEqual(SHA1.HashData(SenderCertificate!)))
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadCertificateInvalid), "Server encrypted the OpenSecureChannel response for a certificate other than Bridge's");
        }
    }

    private static OpcUaConnectionException Failed(string why) => new(new StatusCode(StatusCodes.BadSecurityChecksFailed), $"Security check failed: {why}");

    public void Dispose()
    {
        ownKey.Dispose();
        serverKey.Dispose();
    }
}
