using System.Security.Cryptography;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>What a security policy (Part 7) fixes: key and nonce lengths, the RSA paddings and the signature algorithm URI.</summary>
public sealed record SecurityAlgorithms(
    string PolicyUri,
    string ShortName,
    int Strength,
    int EncryptionKeyLength,
    RSAEncryptionPadding AsymmetricEncryption,
    int AsymmetricEncryptionOverhead,
    RSASignaturePadding AsymmetricSignature,
    string AsymmetricSignatureUri)
{
    public const int SigningKeyLength = 32;
    public const int SignatureLength = 32;
    public const int BlockSize = 16;
    public const int NonceLength = 32;
    public const int MinimumKeySize = 2048;
    public const int MaximumKeySize = 4096;

    private const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private const string RsaPssSha256 = "http://opcfoundation.org/UA/security/rsa-pss-sha2-256";

    public static readonly SecurityAlgorithms Basic256Sha256 = new(SecurityPolicyUris.Basic256Sha256, "Basic256Sha256", 2, 32, RSAEncryptionPadding.OaepSHA1, 42, RSASignaturePadding.Pkcs1, RsaSha256);

    public static readonly SecurityAlgorithms Aes128Sha256RsaOaep = new(SecurityPolicyUris.Aes128Sha256RsaOaep, "Aes128_Sha256_RsaOaep", 1, 16, RSAEncryptionPadding.OaepSHA1, 42, RSASignaturePadding.Pkcs1, RsaSha256);

    public static readonly SecurityAlgorithms Aes256Sha256RsaPss = new(SecurityPolicyUris.Aes256Sha256RsaPss, "Aes256_Sha256_RsaPss", 3, 32, RSAEncryptionPadding.OaepSHA256, 66, RSASignaturePadding.Pss, RsaPssSha256);

    public static IReadOnlyList<SecurityAlgorithms> All { get; } = [Aes256Sha256RsaPss, Basic256Sha256, Aes128Sha256RsaOaep];

    public static SecurityAlgorithms? ByUri(string? uri) => All.FirstOrDefault(a => a.PolicyUri == uri);

    /// <summary>By URI or short name ("Basic256Sha256"), case-insensitive.</summary>
    public static SecurityAlgorithms? ByName(string? name) =>
        All.FirstOrDefault(a => string.Equals(a.ShortName, name, StringComparison.OrdinalIgnoreCase) || a.PolicyUri == name);

    public byte[] Sign(RSA key, ReadOnlySpan<byte> data) => key.SignData(data.ToArray(), HashAlgorithmName.SHA256, AsymmetricSignature);

    public bool Verify(RSA key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => key.VerifyData(data, signature, HashAlgorithmName.SHA256, AsymmetricSignature);
}
