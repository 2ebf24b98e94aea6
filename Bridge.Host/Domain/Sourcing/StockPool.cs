using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// Stock that is still free while a set of requirements is sourced: what one line takes is gone for the next line and
/// the next order, so nothing is counted twice. Reads a shared <see cref="StockIndex"/> and keeps only what is left of
/// each material it was asked for (a copy of that material's quantities, made on first use).
/// </summary>
public sealed class StockPool(StockIndex index)
{
    private readonly Dictionary<string, (MaterialStock Stock, decimal[] Remaining)> _used = new(StringComparer.Ordinal);

    public StockPool(IEnumerable<StockLot> lots) : this(StockIndex.Build(lots))
    {
    }

    /// <summary>From the stock view's available stock (available status only, reservations already subtracted).</summary>
    public static StockPool FromAvailable(IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> available, string defaultUnit = "pcs") =>
        new(StockIndex.FromAvailable(available, defaultUnit));

    /// <summary>The material's lots and what of each is still free (in the lot's unit); null when there is none.</summary>
    internal MaterialStock? Of(string material, out decimal[] remaining)
    {
        if (_used.TryGetValue(material, out var used))
        {
            remaining = used.Remaining;
            return used.Stock;
        }

        var stock = index.Of(material);
        if (stock is null)
        {
            remaining = [];
            return null;
        }

        remaining = (decimal[])stock.Quantities.Clone();
        _used[material] = (stock, remaining);
        return stock;
    }
}
