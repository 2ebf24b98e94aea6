using Microsoft.Extensions.Options;

namespace Bridge.Host.Infrastructure.Audit;

/// <summary>The embedded default's audit trail: gone with the process, chained and pruned like the PostgreSQL one.</summary>
public sealed class InMemoryAuditTrail(IOptions<AuditOptions> options) : IAuditTrail
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<DateOnly, List<AuditRow>> _days = [];

    public Task AppendAsync(AuditEntry entry, CancellationToken ct) => AppendAllAsync([entry], ct);

    public Task AppendAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                Append(entry);
            }
        }

        return Task.CompletedTask;
    }

    private void Append(AuditEntry entry)
    {
        var day = DateOnly.FromDateTime(entry.At.UtcDateTime);
        if (!_days.TryGetValue(day, out var rows))
        {
            _days[day] = rows = [];
            foreach (var old in _days.Keys.Where(d => d < day.AddDays(-options.Value.RetentionDays)).ToList())
            {
                _days.Remove(old);
            }
        }

        var previous = rows.Count == 0 ? AuditChain.Genesis : rows[^1].Hash;
        var sequence = rows.Count + 1;
        rows.Add(new AuditRow(day, sequence, entry, previous, AuditChain.Hash(day, sequence, entry, previous)));
    }

    public Task<IReadOnlyList<AuditRow>> FindByCorrelationAsync(string correlationId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AuditRow>>(_days.Values.SelectMany(r => r)
                .Where(r => r.Entry.CorrelationId == correlationId).OrderBy(r => r.Entry.At).ToList());
        }
    }

    public Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DateOnly>>(_days.Keys.ToList());
        }
    }

    public Task<IReadOnlyList<AuditRow>> ReadDayAsync(DateOnly day, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AuditRow>>(_days.TryGetValue(day, out var rows) ? rows.ToList() : []);
        }
    }

    /// <summary>For tests of tamper evidence: replace a row as an attacker with write access to the store would.</summary>
    internal void Overwrite(AuditRow row)
    {
        lock (_lock)
        {
            _days[row.Day][(int)row.Sequence - 1] = row;
        }
    }
}
