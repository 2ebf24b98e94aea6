using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Stock;

namespace Bridge.Host.Processes.Alerts;

/// <summary>
/// The conditions that hold for the stock view now: available stock below a safety stock (one warehouse, or all summed);
/// a lot (not yet expired by status) that expires within the configured days; a lot lying untouched — no report, pick or
/// snapshot of any of its bins — for the configured days.
/// </summary>
public static class StockAlertRules
{
    public const string BelowSafetyStock = nameof(BelowSafetyStock);
    public const string LotExpiring = nameof(LotExpiring);
    public const string StockIdle = nameof(StockIdle);

    public static IReadOnlyList<StockCondition> Evaluate(IReadOnlyList<StockEntry> stock, StockAlertSettings settings, DateTimeOffset now, IUnitConverter units)
    {
        var conditions = new List<StockCondition>();
        var available = stock.Where(e => e.Status == InventoryStatus.Available && e.Quantity > 0m).ToList();
        foreach (var safety in settings.SafetyStocks)
        {
            var onHand = available
                .Where(e => e.Material == safety.Material && (safety.Warehouse is null || e.Warehouse == safety.Warehouse))
                .Sum(e => UnitMath.TryConvert(units, e.Material, e.Quantity, e.Unit, safety.Unit, out var converted) ? converted : 0m);
            if (onHand < safety.Quantity)
            {
                var where = safety.Warehouse ?? "all warehouses";
                conditions.Add(new StockCondition($"{BelowSafetyStock}/{safety.Warehouse ?? "*"}/{safety.Material}", BelowSafetyStock, safety.Warehouse,
                    safety.Material, null, onHand, safety.Unit, safety.Quantity, null, null,
                    $"{safety.Material} in {where}: {onHand} {safety.Unit} available, below the safety stock of {safety.Quantity} {safety.Unit}"));
            }
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var horizon = today.AddDays(settings.ExpiringWithinDays);
        foreach (var lot in stock.Where(e => e.Quantity > 0m && e.Status != InventoryStatus.Expired)
                     .GroupBy(e => (e.Warehouse, e.Material, e.Lot, e.Unit)))
        {
            var quantity = lot.Sum(e => e.Quantity);
            var what = lot.Key.Lot.Length > 0 ? $"lot {lot.Key.Lot} of {lot.Key.Material}" : lot.Key.Material;
            var lotOrNull = lot.Key.Lot.Length > 0 ? lot.Key.Lot : null;
            if (lot.Min(e => e.ExpiresOn) is { } expires && expires <= horizon)
            {
                conditions.Add(new StockCondition($"{LotExpiring}/{lot.Key.Warehouse}/{lot.Key.Material}/{lot.Key.Lot}", LotExpiring, lot.Key.Warehouse,
                    lot.Key.Material, lotOrNull, quantity, lot.Key.Unit, settings.ExpiringWithinDays, expires, null,
                    $"{what} in {lot.Key.Warehouse} ({quantity} {lot.Key.Unit}) expires on {expires:yyyy-MM-dd}, within {settings.ExpiringWithinDays} days"));
            }

            var touched = lot.Max(e => e.AsOf);
            if (touched != default && now - touched >= TimeSpan.FromDays(settings.IdleForDays))
            {
                conditions.Add(new StockCondition($"{StockIdle}/{lot.Key.Warehouse}/{lot.Key.Material}/{lot.Key.Lot}", StockIdle, lot.Key.Warehouse,
                    lot.Key.Material, lotOrNull, quantity, lot.Key.Unit, settings.IdleForDays, null, touched,
                    $"{what} in {lot.Key.Warehouse} ({quantity} {lot.Key.Unit}) untouched since {touched:yyyy-MM-dd}, {settings.IdleForDays} days or more"));
            }
        }

        return conditions;
    }
}
