namespace Bridge.Host.Infrastructure.Audit;

/// <summary>The first link of an audit chain that does not hold: which day, which row, and why.</summary>
public sealed record AuditBreak(DateOnly Day, long Sequence, string Reason)
{
    public override string ToString() => $"{Day:yyyy-MM-dd} row {Sequence}: {Reason}";
}
