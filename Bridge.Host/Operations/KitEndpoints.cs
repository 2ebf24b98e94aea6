using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Infrastructure.Http;

namespace Bridge.Host.Operations;

/// <summary><c>GET /api/kit/{orderId}[?quantity=]</c>: is the order's kit complete right now, and what is short.</summary>
public static class KitEndpoints
{
    public static IEndpointRouteBuilder MapKitEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/kit/{orderId}", async (HttpContext http, decimal? quantity, IProductionOrderStore orders, IStockView stock, IUnitConverter units, CancellationToken ct) =>
        {
            var orderId = PathParameter.Read(http, "orderId");
            var order = await orders.FindAsync(orderId, ct);
            if (order is null)
            {
                return Results.Problem(statusCode: 404, title: "unknown production order", detail: $"no ProductionOrderReleased was received for order '{EchoedId.Of(orderId)}'");
            }

            if (quantity is <= 0)
            {
                return Results.Problem(statusCode: 400, title: "bad quantity", detail: $"quantity must be positive, was {quantity}");
            }

            KitResult kit;
            try
            {
                var required = BomExplosion.Explode(order.Bom, quantity ?? order.Quantity);
                kit = KitCalculator.Check(required, await stock.GetAvailableAsync(required.Select(r => r.Material).Distinct(StringComparer.Ordinal).ToList(), ct), units);
            }
            catch (Exception e) when (e is KitQuantityException or InvalidOperationException)
            {
                // Quantities Bridge cannot work with (too large, a BOM it cannot explode) are the order's problem, not a server error.
                return Results.Problem(statusCode: 422, title: "kit cannot be computed", detail: $"order '{orderId}': {e.Message}");
            }

            return Results.Ok(new
            {
                orderId,
                quantity = quantity ?? order.Quantity,
                unit = order.Unit,
                complete = kit.Complete,
                kitRate = kit.KitRate,
                lines = kit.Lines,
            });
        });
        return routes;
    }
}
