using Bridge.Host.Domain.KitChecks;

namespace Bridge.Host.Processes.KitChecks;

/// <summary>
/// <c>POST /api/kit-checks</c>: kit completeness of several orders (or of the open schedule between two times) at once,
/// stock allocated in priority (or due) order without counting any piece twice; per order complete, kit rate, and per
/// short line where stock could come from and when.
/// </summary>
public static class KitCheckEndpoints
{
    public static IEndpointRouteBuilder MapKitCheckEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/kit-checks", async (KitCheckRequest request, ScheduleKitCheckService service, CancellationToken ct) =>
        {
            if (!Enum.TryParse<KitCheckOrdering>(request.Ordering ?? "priority", ignoreCase: true, out var ordering) || int.TryParse(request.Ordering, out _))
            {
                return Results.Problem(statusCode: 400, title: "bad ordering", detail: $"ordering must be 'priority' or 'due', was '{request.Ordering}'");
            }

            KitCheckResult result;
            if (request.Orders is { Count: > 0 })
            {
                if (request.From is not null || request.To is not null)
                    return Results.Problem(statusCode: 400, title: "orders or a range", detail: "give either orders: [...] or from: and to:, not both");
                result = await service.RunAsync(request.Orders, ordering, ct);
            }
            else if (request is { From: { } from, To: { } to })
            {
                result = await service.OpenScheduleAsync(from, to, ordering, ct);
            }
            else
            {
                return Results.Problem(statusCode: 400, title: "no orders",
                    detail: "give orders: [{ orderId, quantity?, priority?, neededBy? }] or the open schedule as from: and to: (ISO 8601 times)");
            }

            if (!result.Succeeded)
            {
                return Results.Problem(statusCode: result.Status, title: result.Title, detail: result.Detail);
            }

            var kits = result.Kits;
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
