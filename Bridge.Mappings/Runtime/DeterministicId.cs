using System.Security.Cryptography;
using System.Text;

namespace Bridge.Mappings.Runtime;

/// <summary>Message ids derived from the source's identity, so a retried POST maps to the same MessageId.</summary>
internal static class DeterministicId
{
    public static Guid Create(string system, string messageType, string documentId, string? version, int index)
    {
        var text = $"{system}\n{messageType}\n{documentId}\n{version}\n{index}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style (name-based, SHA)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    public static string HashPayload(ReadOnlySpan<byte> payload) => Convert.ToHexString(SHA256.HashData(payload));

    public static string HashPayload(ReadOnlySpan<byte> payload, IReadOnlyDictionary<string, string> metadata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(payload);
        foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal)) hash.AppendData(Encoding.UTF8.GetBytes($"\n{key}={value}"));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
