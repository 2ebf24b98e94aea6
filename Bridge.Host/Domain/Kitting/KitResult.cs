using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Kitting;

/// <summary>Outcome of a kit check: per-material lines; completeness and the share covered follow from them.</summary>
public sealed record KitResult(IReadOnlyList<KitLine> Lines)
{
    public IEnumerable<KitLine> Shortages => Lines.Where(l => l.Shortage > 0m);

    public bool Complete => Lines.All(l => l.Shortage == 0m);

    /// <summary>Share of lines fully covered, 0..1, four decimals; an empty kit is complete.</summary>
    public decimal KitRate => Lines.Count == 0 ? 1m : Math.Round((decimal)Lines.Count(l => l.Shortage == 0m) / Lines.Count, 4);
}
