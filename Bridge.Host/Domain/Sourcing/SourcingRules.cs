using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Sourcing;

/// <summary>Which stock counts and in which order it is taken within a warehouse.</summary>
public static class SourcingRules
{
    /// <summary>Available status, not expired on the needed-by day, and of an owner the plant may use.</summary>
    public static bool Counts(StockLot lot, Warehouse? warehouse, Plant plant, DateOnly neededOn) =>
        lot.Status == InventoryStatus.Available
        && lot.Quantity > 0m
        && (lot.ExpiresOn is not { } expires || expires >= neededOn)
        && plant.MayUse(OwnerOf(lot, warehouse, plant));

    public static string OwnerOf(StockLot lot, Warehouse? warehouse, Plant plant) =>
        lot.Owner ?? (warehouse?.Owners.Count > 0 ? warehouse.Owners[0] : plant.Owners.FirstOrDefault() ?? "");

    /// <summary>FEFO (earliest expiry first, no expiry last), then FIFO (earliest receipt first), then by lot.</summary>
    public static int WithinWarehouse(StockLot a, StockLot b)
    {
        var byExpiry = (a.ExpiresOn ?? DateOnly.MaxValue).CompareTo(b.ExpiresOn ?? DateOnly.MaxValue);
        if (byExpiry != 0)
        {
            return byExpiry;
        }

        var byReceipt = (a.ReceivedAt ?? DateTimeOffset.MaxValue).CompareTo(b.ReceivedAt ?? DateTimeOffset.MaxValue);
        return byReceipt != 0 ? byReceipt : string.CompareOrdinal(a.Lot, b.Lot);
    }
}
