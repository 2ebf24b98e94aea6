using System.Buffers;
using System.Security.Cryptography;

namespace Bridge.Mappings.Runtime;

/// <summary>
/// Message ids derived from the source's identity, so a retried POST maps to the same MessageId. Every telemetry
/// reading computes one, so the bytes hashed are written into one pooled buffer and hashed in one shot (<see cref="HashText"/>).
/// </summary>
internal static class DeterministicId
{
    public static Guid Create(string system, string messageType, string documentId, string? version, int index)
    {
        using var text = Parts(system, messageType, documentId, version);
        text.Append('\n');
        text.Append(index);
        return FromHash(text);
    }

    /// <summary>The id of a state report: as <see cref="Create(string,string,string,string?,int)"/> with version <c>{version}@{observedAt:O}</c> and index -1.</summary>
    public static Guid Create(string system, string messageType, string documentId, string? version, DateTimeOffset observedAt)
    {
        using var text = Parts(system, messageType, documentId, version);
        text.Append('@');
        text.Append(observedAt);
        text.Append('\n');
        text.Append(-1);
        return FromHash(text);
    }

    public static string HashPayload(ReadOnlySpan<byte> payload) => Convert.ToHexString(SHA256.HashData(payload));

    /// <summary>The payload followed by <c>\nkey=value</c> per metadata entry in ordinal key order.</summary>
    public static string HashPayload(ReadOnlySpan<byte> payload, IReadOnlyDictionary<string, string> metadata)
    {
        var entries = ArrayPool<KeyValuePair<string, string>>.Shared.Rent(Math.Max(1, metadata.Count));
        try
        {
            var count = 0;
            foreach (var entry in metadata) entries[count++] = entry;
            Array.Sort(entries, 0, count, EntryOrder.Instance);
            using var text = new HashText(payload.Length + 48 * count);
            text.Append(payload);
            for (var i = 0; i < count; i++)
            {
                text.Append('\n');
                text.Append(entries[i].Key);
                text.Append('=');
                text.Append(entries[i].Value);
            }
            Span<byte> hash = stackalloc byte[32];
            text.Hash(hash);
            return Convert.ToHexString(hash);
        }
        finally
        {
            ArrayPool<KeyValuePair<string, string>>.Shared.Return(entries, clearArray: true);
        }
    }

    private static HashText Parts(string system, string messageType, string documentId, string? version)
    {
        var text = new HashText(system.Length + messageType.Length + documentId.Length + (version?.Length ?? 0) + 64);
        text.Append(system);
        text.Append('\n');
        text.Append(messageType);
        text.Append('\n');
        text.Append(documentId);
        text.Append('\n');
        text.Append(version);
        return text;
    }

    private static Guid FromHash(HashText text)
    {
        Span<byte> hash = stackalloc byte[32];
        text.Hash(hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style (name-based, SHA)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private sealed class EntryOrder : IComparer<KeyValuePair<string, string>>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
