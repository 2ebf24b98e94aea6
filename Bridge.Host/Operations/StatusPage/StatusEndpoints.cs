namespace Bridge.Host.Operations.StatusPage;

/// <summary><c>GET /api/status</c>: the KPI panel's figures (<see cref="StatusSnapshot"/>), polled by the status page.</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/status", async (StatusSnapshot snapshot, CancellationToken ct) => Results.Ok(await snapshot.TakeAsync(ct)));
        return routes;
    }
}
