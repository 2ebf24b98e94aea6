using Bridge.Host.Infrastructure.Http;

namespace Bridge.Host.Operations.Trace;

/// <summary><c>GET /api/trace/{correlationId}</c>: the journey of one process (<see cref="ProcessTrace"/>); 404 when nothing is known of it.</summary>
public static class TraceEndpoints
{
    public static IEndpointRouteBuilder MapTraceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/trace/{correlationId}", async (HttpContext http, ProcessTrace trace, CancellationToken ct) =>
        {
            var correlationId = PathParameter.Read(http, "correlationId");
            var steps = await trace.FindAsync(correlationId, ct);
            return steps.Count == 0
                ? Results.Problem(statusCode: 404, title: "unknown correlation id", detail: $"nothing is known of '{EchoedId.Of(correlationId)}'")
                : Results.Ok(new { correlationId, steps });
        });
        return routes;
    }
}
