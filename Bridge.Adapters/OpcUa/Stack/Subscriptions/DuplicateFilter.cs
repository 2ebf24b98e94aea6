using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>
/// Remembers the last few (value, source timestamp, status) triples of one item so that values the server sends
/// again — initial values after TransferSubscriptions or a recreation, a republished message — are delivered once.
/// A scalar of a fixed-size type is remembered by its bits, not by its boxed value: holding 8 values of each of
/// 10,000 items kept ≈ 10 MB of young objects alive, which every gen0 collection then had to copy.
/// </summary>
internal sealed class DuplicateFilter
{
    private const int Size = 8;
    private readonly Seen[] recent = new Seen[Size];
    private int count;
    private int next;

    public bool IsNew(DataValue value)
    {
        var key = Seen.Of(value);
        for (var i = 0; i < count; i++)
        {
            if (recent[i].SameAs(key))
            {
                return false;
            }
        }
        recent[next] = key;
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

        public bool SameAs(Seen other) =>
            Source == other.Source && Status == other.Status && Type == other.Type
            && (Other is null ? other.Other is null && Bits == other.Bits : other.Other is not null && Other.Equals(other.Other));
    }
}
