namespace Bridge.Faults;

/// <summary>
/// What one scenario measured: the suite prints one of these per line of its table. <see cref="Duplicated"/>: business
/// items a receiver got under a second, different idempotency key (it would act twice); <see cref="SameKeyResends"/>:
/// calls repeating a key already taken (at-least-once delivery an idempotent receiver absorbs) — shown, not a failure.
/// </summary>
public sealed record FaultRow(
    string Scenario,
    string Load,
    string Fault,
    long MessagesIn,
    long MessagesOut,
    long Lost,
    long Duplicated,
    string SagasTerminal,
    TimeSpan? TimeToRecover,
    string? Note = null,
    long SameKeyResends = 0)
{
    public bool Holds => Lost == 0 && Duplicated == 0 && Note is null or "";
}
