namespace Bridge.Host.Domain.Stock;

/// <summary>What a stock report changed: whether it was applied (not older than what the bins hold) and which materials gained availability.</summary>
public sealed record StockUpdate(bool Applied, IReadOnlyList<string> MaterialsMoreAvailable)
{
    public static readonly StockUpdate Stale = new(false, []);
}
