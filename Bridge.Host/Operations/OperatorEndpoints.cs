using Bridge.Contracts.Model;
using Bridge.Host.Domain.Stock;

namespace Bridge.Host.Operations;

/// <summary>
/// <c>GET /api/stock[?material=]</c>: every bin with stock. <c>quantity</c> is what the warehouse reported (gross);
/// <c>reserved</c> what material requests hold of it; <c>available</c> what a kit check may still use (net, the
/// figure <c>/api/kit</c> works with: only status Available, minus reservations). Statuses are names, not numbers.
/// </summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stock", async (string? material, IStockView stock, CancellationToken ct) =>
        {
            var entries = await stock.ListAsync(material, ct);
            var available = await stock.GetAvailableAsync(entries.Select(e => e.Material).Distinct(StringComparer.Ordinal).ToList(), ct);
            return Results.Ok(entries.Select(e =>
            {
                var net = e.Status == InventoryStatus.Available ? Net(available, e) : 0m;
                return new
                {
                    e.Warehouse,
                    e.Material,
                    e.Lot,
                    e.Location,
                    Status = e.Status.ToString(),
                    e.Quantity,
                    Reserved = e.Status == InventoryStatus.Available ? e.Quantity - net : 0m,
                    Available = net,
                    e.Unit,
                    e.ExpiresOn,
                    e.AsOf,
                };
            }));
        });
        return routes;
    }

    private static decimal Net(IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> available, StockEntry entry) =>
        available.GetValueOrDefault(entry.Material)?
            .Where(l => l.Warehouse == entry.Warehouse && (l.Location ?? "") == entry.Location && (l.Lot ?? "") == entry.Lot)
            .Sum(l => l.Quantity) ?? 0m;
}
