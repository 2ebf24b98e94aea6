namespace Bridge.Host.Infrastructure.Audit;

/// <summary>
/// Every message in and out, hash-chained per day (<see cref="AuditChain"/>): in memory in the embedded default, in
/// PostgreSQL (a partition per day, older days dropped after <see cref="AuditOptions.RetentionDays"/>) in production.
/// </summary>
public interface IAuditTrail
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Appends <paramref name="entries"/> in order, all or none (one inbound document's rows).</summary>
    async Task AppendAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        foreach (var entry in entries)
        {
            await AppendAsync(entry, ct);
        }
    }

    /// <summary>Rows of one correlation id, oldest first.</summary>
    Task<IReadOnlyList<AuditRow>> FindByCorrelationAsync(string correlationId, CancellationToken ct);

    /// <summary>The days held, oldest first.</summary>
    Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken ct);

    /// <summary>One day's rows in sequence order.</summary>
    Task<IReadOnlyList<AuditRow>> ReadDayAsync(DateOnly day, CancellationToken ct);

    /// <summary>
    /// Per system with rows that day: its counts (recent = at or after <paramref name="recentSince"/>) and last outbound
    /// row. A store that holds many rows a day answers it without loading them (a busy day is millions of rows).
    /// </summary>
    async Task<IReadOnlyList<AuditSystemDay>> SummarizeDayAsync(DateOnly day, DateTimeOffset recentSince, CancellationToken ct) =>
        AuditSystemDays.From((await ReadDayAsync(day, ct)).Select(r => r.Entry), recentSince);
}
