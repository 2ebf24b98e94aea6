namespace Bridge.Host.Infrastructure.Audit;

/// <summary>Sums a day's entries (in sequence order) up per system, as <see cref="IAuditTrail.SummarizeDayAsync"/> answers.</summary>
public static class AuditSystemDays
{
    public static IReadOnlyList<AuditSystemDay> From(IEnumerable<AuditEntry> day, DateTimeOffset recentSince) =>
        day.GroupBy(e => e.System, StringComparer.Ordinal).Select(g => new AuditSystemDay(
            g.Key,
            g.LongCount(),
            g.LongCount(e => e.Direction == "in"),
            g.LongCount(e => e.Direction == "out"),
            g.LongCount(e => e.Direction == "in" && e.At >= recentSince),
            g.LongCount(e => e.Direction == "out" && e.At >= recentSince),
            g.LastOrDefault(e => e.Direction == "out"))).ToList();
}
