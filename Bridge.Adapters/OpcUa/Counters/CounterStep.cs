namespace Bridge.Adapters.OpcUa.Counters;

/// <summary>The outcome of one counter reading: what happened and how many parts it stands for.</summary>
public readonly record struct CounterStep(CounterStepKind Kind, decimal Delta, decimal? Previous);
