using Bridge.Contracts.Model;

namespace Bridge.Host.Orchestration.Kitting;

/// <summary>Outcome of a kit check: per-material lines, whether all are covered, and the share covered.</summary>
public sealed record KitResult(IReadOnlyList<KitLine> Lines, bool Complete, decimal KitRate)
{
    public IEnumerable<KitLine> Shortages => Lines.Where(l => l.Shortage > 0m);
}
