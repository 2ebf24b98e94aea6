using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Stock;

/// <summary>The allocation a reservation holds, or null when the stock does not cover it (nothing is held then, never a fault).</summary>
public static class StockPlan
{
    public static IReadOnlyList<MaterialLine>? TryAllocate(
        IReadOnlyList<MaterialLine> required,
        IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> available,
        IReadOnlySet<string> preferredWarehouses,
        IUnitConverter units)
    {
        try
        {
            return StockAllocator.Allocate(required, available, preferredWarehouses, units);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
