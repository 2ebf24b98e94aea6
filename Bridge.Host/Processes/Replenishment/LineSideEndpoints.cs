using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Infrastructure.Http;

namespace Bridge.Host.Processes.Replenishment;

/// <summary><c>GET /api/line-side</c> (every location) and <c>GET /api/line-side/{location}</c> (one, with its history).</summary>
public static class LineSideEndpoints
{
    public static IEndpointRouteBuilder MapLineSideEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/line-side", async (LineSideCatalog catalog, ILineSideLevels levels, ISagaStateReader<ReplenishmentState> sagas, CancellationToken ct) =>
        {
            var known = (await levels.ListAsync(ct)).ToDictionary(l => l.Location, StringComparer.Ordinal);
            var views = new List<LineSideView>(catalog.All.Count);
            foreach (var location in catalog.All)
            {
                var saga = await sagas.FindAsync(ReplenishmentIds.ForLocation(location.Id), ct);
                views.Add(LineSideView.From(location, known.GetValueOrDefault(location.Id), saga, withHistory: false));
            }

            return Results.Ok(views);
        });
        routes.MapGet("/api/line-side/{location}", async (HttpContext http, LineSideCatalog catalog, ILineSideLevels levels,
            ISagaStateReader<ReplenishmentState> sagas, CancellationToken ct) =>
        {
            // Only configured ids are looked up, so anything else — control characters, '..', overlong — is simply not found.
            var id = PathParameter.Read(http, "location");
            if (catalog.Find(id) is not { } configured)
                return Results.Problem(statusCode: 404, title: "unknown line-side location", detail: "no such location in line-side.yaml");
            var saga = await sagas.FindAsync(ReplenishmentIds.ForLocation(configured.Id), ct);
            return Results.Ok(LineSideView.From(configured, await levels.FindAsync(configured.Id, ct), saga, withHistory: true));
        });
        return routes;
    }
}
