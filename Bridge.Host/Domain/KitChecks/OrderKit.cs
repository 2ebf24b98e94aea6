using Bridge.Host.Domain.Sourcing;

namespace Bridge.Host.Domain.KitChecks;

/// <summary>One order's kit within a schedule check: per line how it is sourced; complete when no line is short.</summary>
public sealed record OrderKit(string OrderId, string Plant, DateTimeOffset NeededBy, int Rank, IReadOnlyList<SourcingDecision> Lines)
{
    public bool Complete => Lines.All(l => l.Covered);

    /// <summary>Share of lines fully covered, 0..1, four decimals; an order without lines is complete.</summary>
    public decimal KitRate => Lines.Count == 0 ? 1m : Math.Round((decimal)Lines.Count(l => l.Covered) / Lines.Count, 4);

    public IEnumerable<SourcingDecision> Shortages => Lines.Where(l => !l.Covered);
}
