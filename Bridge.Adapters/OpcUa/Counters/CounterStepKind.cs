namespace Bridge.Adapters.OpcUa.Counters;

public enum CounterStepKind
{
    /// <summary>First reading: nothing to report yet.</summary>
    Baseline,

    Increase,

    /// <summary>The counter passed its maximum and started again at 0.</summary>
    Wrap,

    /// <summary>The counter was set back (restart, shift reset).</summary>
    Reset,
}
