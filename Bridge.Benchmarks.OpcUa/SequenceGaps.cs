namespace Bridge.Benchmarks.OpcUa;

/// <summary>
/// Counts changes a client missed, item by item: the test server writes its tick number into every item at each
/// step, so a value more than one above the item's previous value means the changes in between never arrived.
/// Called from one thread (the client's dispatch); read from another through <see cref="Missed"/>.
/// </summary>
internal sealed class SequenceGaps(int items)
{
    private readonly double[] last = new double[items];
    private long missed;

    public long Missed => Interlocked.Read(ref missed);

    public void Observe(int item, double value)
    {
        if ((uint)item >= (uint)last.Length)
        {
            return;
        }
        var previous = last[item];
        if (previous != 0 && value > previous + 1)
        {
            Interlocked.Add(ref missed, (long)(value - previous - 1));
        }
        last[item] = Math.Max(previous, value);
    }
}
