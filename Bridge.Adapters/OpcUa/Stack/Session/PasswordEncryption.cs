using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;

namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>
/// The legacy encrypted-secret format for a UserNameIdentityToken (Part 4, 7.41.2.2): Int32 length, password,
/// server nonce, encrypted with the server certificate's RSA key by the token policy's asymmetric algorithm.
/// Used when the server demands an encrypted password although the channel itself is unsecured.
/// </summary>
internal static class PasswordEncryption
{
    private const string RsaOaep = "http://www.w3.org/2001/04/xmlenc#rsa-oaep";
    private const string RsaOaepSha256 = "http://opcfoundation.org/UA/security/rsa-oaep-sha2-256";
    private const string Rsa15 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";

    public static (byte[] Secret, string Algorithm) Encrypt(string policyUri, byte[] password, byte[]? serverNonce, byte[]? serverCertificate)
    {
        if (serverCertificate is null || serverCertificate.Length == 0)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadCertificateInvalid), $"Server demands a password encrypted with {policyUri} but sent no certificate");
        }
        var (padding, algorithm, overhead) = policyUri switch
        {
            SecurityPolicyUris.Basic128Rsa15 => (RSAEncryptionPadding.Pkcs1, Rsa15, 11),
            SecurityPolicyUris.Basic256 or SecurityPolicyUris.Basic256Sha256 or SecurityPolicyUris.Aes128Sha256RsaOaep => (RSAEncryptionPadding.OaepSHA1, RsaOaep, 42),
            SecurityPolicyUris.Aes256Sha256RsaPss => (RSAEncryptionPadding.OaepSHA256, RsaOaepSha256, 66),
            _ => throw new OpcUaException(new StatusCode(StatusCodes.BadSecurityPolicyRejected), $"Password encryption policy {policyUri} is not supported"),
        };
        using var certificate = X509CertificateLoader.LoadCertificate(serverCertificate);
        using var rsa = certificate.GetRSAPublicKey()
            ?? throw new OpcUaException(new StatusCode(StatusCodes.BadCertificateInvalid), "Server certificate has no RSA key");
        var nonce = serverNonce ?? [];
        var plain = new byte[4 + password.Length + nonce.Length];
        BinaryPrimitives.WriteInt32LittleEndian(plain, password.Length + nonce.Length);
        password.CopyTo(plain, 4);
        nonce.CopyTo(plain, 4 + password.Length);
        var blockSize = (rsa.KeySize / 8) - overhead;
        using var secret = new MemoryStream();
        for (var at = 0; at < plain.Length; at += blockSize)
        {
            secret.Write(rsa.Encrypt(plain.AsSpan(at, Math.Min(blockSize, plain.Length - at)).ToArray(), padding));
        }
        return (secret.ToArray(), algorithm);
    }
}
