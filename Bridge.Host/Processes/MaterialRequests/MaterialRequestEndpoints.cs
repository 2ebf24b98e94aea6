using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Infrastructure.Http;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary><c>GET /api/material-requests/{id}</c>: the request's state and its history of steps.</summary>
public static class MaterialRequestEndpoints
{
    public static IEndpointRouteBuilder MapMaterialRequestEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/material-requests/{requestId}", async (HttpContext http, ISagaStateReader<MaterialRequestState> reader, CancellationToken ct) =>
        {
            var requestId = PathParameter.Read(http, "requestId");
            var state = await reader.FindAsync(MaterialRequestIds.ForRequest(requestId), ct);
            return state is null
                ? Results.Problem(statusCode: 404, title: "unknown material request", detail: $"no material request '{EchoedId.Of(requestId)}' has been received")
                : Results.Ok(MaterialRequestView.From(state));
        });
        return routes;
    }
}
