namespace Bridge.Host.Operations.Metrics;

/// <summary>One refresh of <see cref="OperationsGauges"/>; <see cref="RefreshedAt"/> null until the first one.</summary>
public sealed record GaugeReadings(
    IReadOnlyList<(string Saga, string State, long Count)> Sagas,
    long OpenDeadLetters,
    long OutboxBacklog,
    IReadOnlyDictionary<string, SystemHealth> Systems,
    DateTimeOffset? RefreshedAt)
{
    public static readonly GaugeReadings Empty = new([], 0, 0, new Dictionary<string, SystemHealth>(), null);
}
