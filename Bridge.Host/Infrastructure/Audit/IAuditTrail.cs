namespace Bridge.Host.Infrastructure.Audit;

/// <summary>
/// Every message in and out, hash-chained per day (<see cref="AuditChain"/>): in memory in the embedded default, in
/// PostgreSQL (a partition per day, older days dropped after <see cref="AuditOptions.RetentionDays"/>) in production.
/// </summary>
public interface IAuditTrail
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Rows of one correlation id, oldest first.</summary>
    Task<IReadOnlyList<AuditRow>> FindByCorrelationAsync(string correlationId, CancellationToken ct);

    /// <summary>The days held, oldest first.</summary>
    Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken ct);

    /// <summary>One day's rows in sequence order.</summary>
    Task<IReadOnlyList<AuditRow>> ReadDayAsync(DateOnly day, CancellationToken ct);
}
