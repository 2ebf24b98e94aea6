using System.Security.Cryptography;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>
/// HMAC-SHA256 of chunks with one key, reusing one keyed instance: the one-shot HMACSHA256.HashData sets the key
/// up again for every chunk. Sending and receiving each use their own instance; the lock only guards against a
/// renewal's overlap.
/// </summary>
internal sealed class ChunkMac(byte[] key) : IDisposable
{
    private readonly IncrementalHash hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    public void Compute(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        lock (hmac)
        {
            hmac.AppendData(data);
            hmac.GetHashAndReset(signature);
        }
    }

    public void Dispose() => hmac.Dispose();
}
