using Bridge.Contracts.Model;
using Bridge.Host.Domain.Boms;
using Bridge.Host.Domain.KitChecks;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Sourcing;
using Bridge.Host.Domain.Stock;

namespace Bridge.Host.Processes.KitChecks;

/// <summary>
/// Kit completeness of several orders at once against one pool of stock, in priority or due order, so no piece is
/// counted twice: what <c>POST /api/kit-checks</c>, <c>KitCheckRequested</c> on the bus and the <c>kit-check</c> verb share.
/// </summary>
public sealed class ScheduleKitCheckService(IProductionOrderStore orders, IBomStore boms, IStockView stock, IUnitConverter units,
    WarehouseCatalog warehouses, KitCheckStockCache stockIndex, TimeProvider time)
{
    /// <summary>The longest "open schedule" one check reads (from → to).</summary>
    public static readonly TimeSpan LongestRange = TimeSpan.FromDays(366);

    /// <summary>The released orders due in [from, to), as orders to check with their released quantities.</summary>
    public async Task<KitCheckResult> OpenScheduleAsync(DateTimeOffset from, DateTimeOffset to, KitCheckOrdering ordering, CancellationToken ct)
    {
        if (to <= from)
            return KitCheckResult.Refused(400, "bad range", $"'to' ({to:O}) must be after 'from' ({from:O})");
        if (to - from > LongestRange)
            return KitCheckResult.Refused(400, "bad range", $"the range from {from:O} to {to:O} is longer than {LongestRange.TotalDays:0} days");
        var due = await orders.ListDueAsync(from, to, ct);
        return await RunAsync(due.Select(o => new KitCheckOrder(o.OrderId, null, null, null)).ToList(), ordering, ct);
    }

    public async Task<KitCheckResult> RunAsync(IReadOnlyList<KitCheckOrder> wanted, KitCheckOrdering ordering, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var scheduled = new List<ScheduledOrder>();
        BomCatalog? catalog = null;
        foreach (var order in wanted)
        {
            if (order.Quantity is { } asked && asked <= 0m)
                return KitCheckResult.Refused(422, "kit cannot be computed", $"order '{order.OrderId}': quantity must be above zero, was {asked}");
            var released = await orders.FindAsync(order.OrderId, ct);
            if (released is null)
                return KitCheckResult.Refused(404, "unknown production order", $"no ProductionOrderReleased was received for order '{order.OrderId}'");

            var quantity = order.Quantity ?? released.Quantity;
            try
            {
                IReadOnlyList<MaterialLine> lines;
                if (released.Bom.Count > 0)
                {
                    lines = BomExplosion.Explode(released.Bom, quantity);
                }
                else
                {
                    catalog ??= PublishedBoms.ToCatalog(await boms.ListAsync(ct));
                    lines = catalog.Explode(released.Material, quantity, DateOnly.FromDateTime(now.UtcDateTime), BomScope.Phantoms, units)
                        .Select(l => l with { Quantity = UnitMath.PickQuantity(l.Quantity, l.Unit) }).ToList();
                }

                scheduled.Add(new ScheduledOrder(released.OrderId, released.Plant, order.NeededBy ?? released.DueAt ?? now, lines, order.Priority ?? 0));
            }
            catch (Exception e) when (e is KitQuantityException or BomException or InvalidOperationException or OverflowException)
            {
                return KitCheckResult.Refused(422, "kit cannot be computed", $"order '{released.OrderId}': {e.Message}");
            }
        }

        var materials = scheduled.SelectMany(o => o.Lines).Select(l => l.Material).Distinct(StringComparer.Ordinal).ToList();
        var pool = new StockPool(await stockIndex.GetAsync(stock, materials, ct));
        try
        {
            return KitCheckResult.Checked(ScheduleKitCheck.Run(scheduled, pool, new SourcingService(warehouses, units), now, ordering, units));
        }
        catch (Exception e) when (e is KitQuantityException or OverflowException)
        {
            return KitCheckResult.Refused(422, "kit cannot be computed", e.Message);
        }
    }
}
