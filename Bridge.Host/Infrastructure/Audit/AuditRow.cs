namespace Bridge.Host.Infrastructure.Audit;

/// <summary>A stored <see cref="AuditEntry"/>: its place in its day's chain and the hashes that link it to the one before.</summary>
public sealed record AuditRow(DateOnly Day, long Sequence, AuditEntry Entry, string PreviousHash, string Hash);
