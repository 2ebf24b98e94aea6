using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>
/// Remembers the last few (value, source timestamp, status) triples of one item so that values the server sends
/// again — initial values after TransferSubscriptions or a recreation, a republished message — are delivered once.
/// A scalar of a fixed-size type is remembered by its bits, not by its boxed value: holding 8 values of each of
/// 10,000 items kept ≈ 10 MB of young objects alive, which every gen0 collection then had to copy.
/// A struct held in its <see cref="MonitoredItem"/>, with its entries inline: no object or array of its own to reach.
/// A new value is first checked against a 64-bit digest of each remembered one (one cache line) and compared in full
/// only when a digest matches: at full server speed every value is new, and following item → filter → array and
/// reading eight full entries (four cache lines) for each of 10,000 items was most of the time spent delivering a value.
/// </summary>
internal struct DuplicateFilter
{
    private const int Size = 8;
    private Digests digests;
    private Entries recent;
    private int count;
    private int next;

    public bool IsNew(DataValue value)
    {
        var key = Seen.Of(value);
        var digest = key.Digest();
        for (var i = 0; i < count; i++)
        {
            if (digests[i] == digest && recent[i].SameAs(key))
            {
                return false;
            }
        }
        recent[next] = key;
        digests[next] = digest;
        next = (next + 1) % Size;
        count = Math.Min(count + 1, Size);
        return true;
    }

    /// <summary>One remembered value: its bits for a fixed-size scalar, else the variant itself.</summary>
    private readonly record struct Seen(DateTime Source, uint Status, BuiltInType Type, ulong Bits, Variant? Other)
    {
        // A decoded number is compared by the bits its DataValue holds, without creating its Variant.
        public static Seen Of(DataValue value)
        {
            var source = value.SourceTimestamp ?? DateTime.MinValue;
            var status = value.StatusCode.Code;
            return value.TryGetScalarBits(out var type, out var bits)
                ? new Seen(source, status, type, bits, null)
                : new Seen(source, status, value.Value.Type, 0, value.Value);
        }

        /// <summary>Equal entries have equal digests (a non-scalar's digest leaves its value out; SameAs compares it).</summary>
        public ulong Digest()
        {
            var digest = unchecked((ulong)Source.Ticks * 0x9E3779B97F4A7C15UL);
            digest ^= unchecked(Bits * 0xC2B2AE3D27D4EB4FUL) + (digest << 6) + (digest >> 2);
            return digest ^ (((ulong)Status << 8) | (byte)Type) ^ (Other is null ? 0UL : 1UL << 63);
        }

        public bool SameAs(Seen other) =>
            Source == other.Source && Status == other.Status && Type == other.Type
            && (Other is null ? other.Other is null && Bits == other.Bits : other.Other is not null && Other.Equals(other.Other));
    }

    [System.Runtime.CompilerServices.InlineArray(Size)]
    private struct Digests
    {
        private ulong first;
    }

    [System.Runtime.CompilerServices.InlineArray(Size)]
    private struct Entries
    {
        private Seen first;
    }
}
