using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>
/// Remembers the last few (value, source timestamp, status) triples of one item so that values the server sends
/// again — initial values after TransferSubscriptions or a recreation, a republished message — are delivered once.
/// </summary>
internal sealed class DuplicateFilter
{
    private const int Size = 8;
    private readonly (Variant Value, DateTime Source, uint Status)[] recent = new (Variant, DateTime, uint)[Size];
    private int count;
    private int next;

    public bool IsNew(DataValue value)
    {
        var key = (value.Value, value.SourceTimestamp ?? DateTime.MinValue, value.StatusCode.Code);
        for (var i = 0; i < count; i++)
        {
            var seen = recent[i];
            if (seen.Source == key.Item2 && seen.Status == key.Item3 && seen.Value.Equals(key.Item1))
            {
                return false;
            }
        }
        recent[next] = key;
        next = (next + 1) % Size;
        count = Math.Min(count + 1, Size);
        return true;
    }
}
