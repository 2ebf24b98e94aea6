using Bridge.Host.Domain.Stock;

namespace Bridge.Host.Operations;

/// <summary>What an operator looks at: the stock view.</summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stock", async (string? material, IStockView stock, CancellationToken ct) =>
            Results.Ok(await stock.ListAsync(material, ct)));
        return routes;
    }
}
