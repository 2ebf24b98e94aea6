namespace Bridge.Faults;

/// <summary>What one scenario measured: the suite prints one of these per line of its table.</summary>
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
    string? Note = null)
{
    public bool Holds => Lost == 0 && Duplicated == 0 && Note is null or "";
}
