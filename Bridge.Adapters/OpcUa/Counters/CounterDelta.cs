namespace Bridge.Adapters.OpcUa.Counters;

/// <summary>
/// Turns successive readings of a parts counter into consumption. The first reading is only a baseline.
/// A decrease is a wrap when the counter has a known maximum and went over the top (previous reading in the
/// upper half, current in the lower half): the delta counts through the maximum. Any other decrease is a
/// reset (PLC restart, shift reset): the counter started again from zero, so the current reading is the delta.
/// Either way the result is never negative.
/// </summary>
public sealed class CounterDelta(decimal? counterMax)
{
    private decimal? previous;

    public decimal? Previous => previous;

    public CounterStep Next(decimal current)
    {
        var before = previous;
        previous = current;
        if (before is not { } last)
        {
            return new CounterStep(CounterStepKind.Baseline, 0, null);
        }
        if (current >= last)
        {
            return new CounterStep(CounterStepKind.Increase, current - last, last);
        }
        if (counterMax is { } max && last > max / 2 && current <= max / 2)
        {
            return new CounterStep(CounterStepKind.Wrap, max - last + 1 + current, last);
        }
        return new CounterStep(CounterStepKind.Reset, Math.Max(0, current), last);
    }
}
