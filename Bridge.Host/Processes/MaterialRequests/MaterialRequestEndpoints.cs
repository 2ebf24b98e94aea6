using Bridge.Host.Infrastructure.Storage.Sagas;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary><c>GET /api/material-requests/{id}</c>: the request's state and its history of steps.</summary>
public static class MaterialRequestEndpoints
{
    public static IEndpointRouteBuilder MapMaterialRequestEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/material-requests/{requestId}", async (string requestId, ISagaStateReader<MaterialRequestState> reader, CancellationToken ct) =>
        {
            var state = await reader.FindAsync(MaterialRequestIds.ForRequest(requestId), ct);
            return state is null
                ? Results.Problem(statusCode: 404, title: "unknown material request", detail: $"no material request '{requestId}' has been received")
                : Results.Ok(MaterialRequestView.From(state));
        });
        return routes;
    }
}
