using System.Security.Cryptography;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>
/// The symmetric keys of one security token (Part 6, 6.7.5): the client's keys secure what Bridge sends, the
/// server's what it receives. Client keys come from P_SHA256(ServerNonce, ClientNonce), server keys from
/// P_SHA256(ClientNonce, ServerNonce), each cut into signing key, encrypting key and initialization vector.
/// </summary>
public sealed class ChannelKeys : IDisposable
{
    private ChannelKeys(byte[] clientMaterial, byte[] serverMaterial, int encryptionKeyLength)
    {
        ClientSigningKey = clientMaterial[..SecurityAlgorithms.SigningKeyLength];
        ServerSigningKey = serverMaterial[..SecurityAlgorithms.SigningKeyLength];
        ClientEncryptingKey = clientMaterial[SecurityAlgorithms.SigningKeyLength..(SecurityAlgorithms.SigningKeyLength + encryptionKeyLength)];
        ServerEncryptingKey = serverMaterial[SecurityAlgorithms.SigningKeyLength..(SecurityAlgorithms.SigningKeyLength + encryptionKeyLength)];
        ClientIv = clientMaterial[(SecurityAlgorithms.SigningKeyLength + encryptionKeyLength)..];
        ServerIv = serverMaterial[(SecurityAlgorithms.SigningKeyLength + encryptionKeyLength)..];
        ClientCipher = Aes.Create();
        ClientCipher.Key = ClientEncryptingKey;
        ServerCipher = Aes.Create();
        ServerCipher.Key = ServerEncryptingKey;
        ClientSigner = new ChunkMac(ClientSigningKey);
        ServerSigner = new ChunkMac(ServerSigningKey);
    }

    public byte[] ClientSigningKey { get; }

    public byte[] ClientEncryptingKey { get; }

    public byte[] ClientIv { get; }

    public byte[] ServerSigningKey { get; }

    public byte[] ServerEncryptingKey { get; }

    public byte[] ServerIv { get; }

    internal Aes ClientCipher { get; }

    internal Aes ServerCipher { get; }

    /// <summary>HMAC-SHA256 with the client's signing key, kept for the token's life (not one per chunk).</summary>
    internal ChunkMac ClientSigner { get; }

    /// <summary>HMAC-SHA256 with the server's signing key, kept for the token's life.</summary>
    internal ChunkMac ServerSigner { get; }

    public static ChannelKeys Derive(SecurityAlgorithms algorithms, byte[] clientNonce, byte[] serverNonce)
    {
        var length = SecurityAlgorithms.SigningKeyLength + algorithms.EncryptionKeyLength + SecurityAlgorithms.BlockSize;
        return new ChannelKeys(PSha256.Derive(serverNonce, clientNonce, length), PSha256.Derive(clientNonce, serverNonce, length), algorithms.EncryptionKeyLength);
    }

    public void Dispose()
    {
        ClientCipher.Dispose();
        ServerCipher.Dispose();
        ClientSigner.Dispose();
        ServerSigner.Dispose();
    }
}
