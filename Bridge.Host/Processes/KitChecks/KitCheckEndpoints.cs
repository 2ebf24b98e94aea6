using Bridge.Contracts.Model;
using Bridge.Host.Domain.Boms;
using Bridge.Host.Domain.KitChecks;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Sourcing;
using Bridge.Host.Domain.Stock;

namespace Bridge.Host.Processes.KitChecks;

/// <summary>
/// <c>POST /api/kit-checks</c>: kit completeness of several orders at once, stock allocated in priority (or due) order
/// without counting any piece twice; per order complete, kit rate, and per short line where stock could come from and when.
/// </summary>
public static class KitCheckEndpoints
{
    public static IEndpointRouteBuilder MapKitCheckEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/kit-checks", async (KitCheckRequest request, IProductionOrderStore orders, IBomStore boms, IStockView stock,
            IUnitConverter units, WarehouseCatalog warehouses, TimeProvider time, CancellationToken ct) =>
        {
            if (request.Orders is not { Count: > 0 })
            {
                return Results.Problem(statusCode: 400, title: "no orders", detail: "give orders: [{ orderId, quantity?, priority?, neededBy? }]");
            }

            if (!Enum.TryParse<KitCheckOrdering>(request.Ordering ?? "priority", ignoreCase: true, out var ordering))
            {
                return Results.Problem(statusCode: 400, title: "bad ordering", detail: $"ordering must be 'priority' or 'due', was '{request.Ordering}'");
            }

            var now = time.GetUtcNow();
            var scheduled = new List<ScheduledOrder>();
            BomCatalog? catalog = null;
            foreach (var wanted in request.Orders)
            {
                var order = await orders.FindAsync(wanted.OrderId, ct);
                if (order is null)
                {
                    return Results.Problem(statusCode: 404, title: "unknown production order", detail: $"no ProductionOrderReleased was received for order '{wanted.OrderId}'");
                }

                var quantity = wanted.Quantity ?? order.Quantity;
                try
                {
                    IReadOnlyList<MaterialLine> lines;
                    if (order.Bom.Count > 0)
                    {
                        lines = BomExplosion.Explode(order.Bom, quantity);
                    }
                    else
                    {
                        catalog ??= PublishedBoms.ToCatalog(await boms.ListAsync(ct));
                        lines = catalog.Explode(order.Material, quantity, DateOnly.FromDateTime(now.UtcDateTime), BomScope.Phantoms, units)
                            .Select(l => l with { Quantity = UnitMath.PickQuantity(l.Quantity, l.Unit) }).ToList();
                    }

                    scheduled.Add(new ScheduledOrder(order.OrderId, order.Plant, wanted.NeededBy ?? order.DueAt ?? now, lines, wanted.Priority ?? 0));
                }
                catch (Exception e) when (e is KitQuantityException or BomException or InvalidOperationException)
                {
                    return Results.Problem(statusCode: 422, title: "kit cannot be computed", detail: $"order '{order.OrderId}': {e.Message}");
                }
            }

            var materials = scheduled.SelectMany(o => o.Lines).Select(l => l.Material).Distinct(StringComparer.Ordinal).ToList();
            var pool = StockPool.FromAvailable(await stock.GetAvailableAsync(materials, ct));
            IReadOnlyList<OrderKit> kits;
            try
            {
                kits = ScheduleKitCheck.Run(scheduled, pool, new SourcingService(warehouses, units), now, ordering, units);
            }
            catch (KitQuantityException e)
            {
                return Results.Problem(statusCode: 422, title: "kit cannot be computed", detail: e.Message);
            }

            return Results.Ok(new
            {
                ordering = ordering.ToString().ToLowerInvariant(),
                complete = kits.Count(k => k.Complete),
                orders = kits.Select(k => new
                {
                    k.OrderId, k.Plant, k.NeededBy, k.Rank, k.Complete, k.KitRate,
                    lines = k.Lines,
                    shortages = k.Shortages.Select(s => new { s.Material, s.Shortage, s.Unit, s.CouldComeFrom }),
                }),
            });
        });
        return routes;
    }
}
